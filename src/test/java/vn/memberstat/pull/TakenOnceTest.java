package vn.memberstat.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/** A file is taken once per content; a changed file is a new submission; a touched but unchanged one is not. */
final class TakenOnceTest {
    @TempDir
    Path temp;

    @Test
    void contentDecidesWhatIsNew() throws Exception {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        writeRegistry(inbox);
        Path report = Memberstat.write(inbox, "p.csv", "unit_code,period,indicator,category,value,comment\nP,2024,admitted,,5,\n");
        Memberstat.write(inbox, "copy/p-again.csv", "unit_code,period,indicator,category,value,comment\nP,2024,admitted,,5,\n");

        Memberstat.Result first = Memberstat.nightly(home, inbox, "2025-01-10");
        assertThat(first.out()).contains("pulled 2,").contains("skipped p.csv: same content as copy/p-again.csv, taken once");

        Files.setLastModifiedTime(report, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
        Memberstat.Result touched = Memberstat.nightly(home, inbox, "2025-01-11");
        assertThat(touched.out()).as("same content, new time: hashed again, known, not taken").contains("pulled 0,");

        Files.writeString(report, "unit_code,period,indicator,category,value,comment\nP,2024,admitted,,7,\n");
        Files.setLastModifiedTime(report, FileTime.from(Instant.parse("2026-03-01T00:00:00Z")));
        Memberstat.Result changed = Memberstat.nightly(home, inbox, "2025-01-12");
        assertThat(changed.out()).contains("pulled 1,").contains("read 1 = loaded 1");
        assertThat(count(home, "select * from dim_submission")).isEqualTo(3);
        assertThat(one(home, "select value from fct_value where unit_code = 'P'")).as("the changed file corrects the value")
                .containsEntry("value", 7.0);
    }

    @Test
    void aFileRecordedTwiceFailsTheLoadAndCommitsNothing() throws Exception {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        writeRegistry(inbox);
        Memberstat.write(inbox, "p.csv", "unit_code,period,indicator,category,value,comment\nP,2024,admitted,,5,\n");
        assertThat(Memberstat.nightly(home, inbox, "2025-01-10", "--memberstat.fail-at=load").exitCode()).isEqualTo(1);
        // as if an earlier run had recorded this run's report (dim_submission has no key to refuse it)
        String report = Files.readAllLines(home.resolve("runs/2025-01-10/submissions.csv")).stream()
                .filter(l -> l.contains("p.csv")).findFirst().orElseThrow().split(",")[0];
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + home.resolve("work/warehouse.duckdb"));
                java.sql.Statement s = c.createStatement()) {
            s.execute("insert into dim_submission values ('" + report + "', 'x', 'old.csv', 1, now(), now(), 'old', 'long', null, null,"
                    + " 0, 0, 0, 0, null, null)");
        }

        Memberstat.Result again = Memberstat.nightly(home, inbox, "2025-01-10");

        assertThat(again.exitCode()).as(again.err()).isEqualTo(3);
        assertThat(again.err()).contains("a file would be taken twice").contains("submission " + report + " recorded 2 times");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + home.resolve("work/warehouse.duckdb"));
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select count(*) from fct_reported_value")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the load's transaction was rolled back").isZero();
        }
    }

    /** A registry of one province, P. */
    @Test
    void manyCopiesAreTakenOnceAndTheSummaryListsTheFirstNotes() throws Exception {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        writeRegistry(inbox);
        for (int i = 0; i < 30; i++) {   // a folder copied over and over
            Memberstat.write(inbox, "copies/%02d/p.csv".formatted(i), "unit_code,period,indicator,category,value,comment\nP,2024,admitted,,5,\n");
        }

        Memberstat.Result run = Memberstat.nightly(home, inbox, "2025-01-10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("pulled 2,").contains("read 2 = loaded 2");
        assertThat(run.out()).contains("note     skipped copies/01/p.csv: same content as copies/00/p.csv, taken once")
                .doesNotContain("copies/29/p.csv")
                .contains("note     ... and 9 more, all 29 in " + home.resolve("runs/2025-01-10/notes.txt"));
        assertThat(Files.readAllLines(home.resolve("runs/2025-01-10/notes.txt"))).hasSize(29)
                .contains("skipped copies/29/p.csv: same content as copies/00/p.csv, taken once");
    }

    private static void writeRegistry(Path inbox) {
        Memberstat.write(inbox, "registry.csv", """
                unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code
                P,Tỉnh ủy P,,1,province,1990-01-01,,
                """);
    }
}
