package vn.memberstat.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.ReaderProbe;

/**
 * The published warehouse opens in DuckDB 1.4 (analysts' older tools), and an analyst holding it open
 * in another process never makes a run fail: the run publishes a new file and the analyst keeps the old one.
 */
final class PublishTest {
    private static final Path DUCKDB_14 = Path.of("target", "duckdb14", "duckdb_jdbc-1.4.jar");

    @TempDir
    Path temp;

    @Test
    void aRunPublishesWhileAnAnalystOnDuckDb14HoldsTheOldCopyOpen() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, "2026-06-30").exitCode()).isZero();
        Path published = home.resolve("warehouse.duckdb");
        String query = "select count(*) from fct_reported_value";
        Path held = temp.resolve("analysts-copy");   // a second name for the file the analyst opens
        Files.createLink(held, published);
        byte[] firstCopy = Files.readAllBytes(published);

        Process analyst = new ProcessBuilder(javaExecutable(), "-cp",
                Path.of("target", "test-classes") + java.io.File.pathSeparator + DUCKDB_14, ReaderProbe.class.getName(),
                published.toString(), query).redirectErrorStream(true).start();
        BufferedReader analystOut = new BufferedReader(new InputStreamReader(analyst.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = analystOut.readLine()) != null && !line.equals("ready")) {
            lines.add(line);
        }
        assertThat(lines).as("the DuckDB 1.4 driver reads the published file").contains("duckdb v1.4.2", "value 310");

        Memberstat.write(inbox, "2026/late.csv", "unit_code,period,indicator,category,value,comment\nHN.P-TX,2026-05,admitted,,9,\n");
        Memberstat.Result second = Memberstat.nightly(home, inbox, "2026-07-01");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Memberstat.count(home, "select * from fct_reported_value")).isEqualTo(311);
        assertThat(Files.isSameFile(home.resolve(PublishTasklet.SPARE), held))
                .as("the analyst's copy is now the spare").isTrue();

        // the spare is held open: the next run copies the whole warehouse into a new file and leaves the analyst's alone
        Memberstat.write(inbox, "2026/later.csv", "unit_code,period,indicator,category,value,comment\nHN.P-TX,2026-06,admitted,,4,\n");
        Memberstat.Result third = Memberstat.nightly(home, inbox, "2026-07-02");
        assertThat(third.exitCode()).as(third.err()).isZero();
        long[] written = megabytesWritten(third.out());
        assertThat(written[1]).as("a full copy").isEqualTo(written[0]);
        assertSameBytes(published, home.resolve("work").resolve("warehouse.duckdb"));
        assertThat(Files.readAllBytes(held)).as("the analyst's file, untouched").isEqualTo(firstCopy);

        try (Writer w = new OutputStreamWriter(analyst.getOutputStream(), StandardCharsets.UTF_8)) {
            w.write("again\n");
        }
        assertThat(analystOut.readLine()).as("the analyst's open connection still reads its own copy").isEqualTo("value 310");
        assertThat(analyst.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(analyst.exitValue()).isZero();

        // nobody holds the spare now: the next run brings it up to date, writing only what changed
        Memberstat.write(inbox, "2026/latest.csv", "unit_code,period,indicator,category,value,comment\nHN.P-TX,2026-04,admitted,,2,\n");
        Memberstat.Result fourth = Memberstat.nightly(home, inbox, "2026-07-03");
        assertThat(fourth.exitCode()).as(fourth.err()).isZero();
        written = megabytesWritten(fourth.out());
        assertThat(written[1]).as("only the changed parts of the spare").isLessThan(written[0] / 2);
        assertSameBytes(published, home.resolve("work").resolve("warehouse.duckdb"));
        assertThat(Memberstat.count(home, "select * from fct_reported_value")).isEqualTo(313);
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("publishing"));
        }
    }

    @Test
    void aSpareThatIsThePublishedFileItselfIsNeverWrittenInPlace() throws Exception {
        // what a crash between giving the published file the spare's name and replacing it leaves behind
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, "2026-06-30").exitCode()).isZero();
        assertThat(Memberstat.nightly(home, inbox, "2026-07-01").exitCode()).isZero();
        Path published = home.resolve(PublishTasklet.PUBLISHED);
        Path spare = home.resolve(PublishTasklet.SPARE);
        Files.delete(spare);
        Files.createLink(spare, published);
        Files.copy(PublishTasklet.manifestOf(published), PublishTasklet.manifestOf(spare), StandardCopyOption.REPLACE_EXISTING);
        Path held = temp.resolve("analysts-copy");
        Files.createLink(held, published);
        byte[] before = Files.readAllBytes(published);

        Memberstat.write(inbox, "2026/late.csv", "unit_code,period,indicator,category,value,comment\nHN.P-TX,2026-05,admitted,,9,\n");
        Memberstat.Result run = Memberstat.nightly(home, inbox, "2026-07-02");
        assertThat(run.exitCode()).as(run.err()).isZero();
        long[] written = megabytesWritten(run.out());
        assertThat(written[1]).as("a full copy").isEqualTo(written[0]);
        assertThat(Files.readAllBytes(held)).as("the file analysts had, untouched").isEqualTo(before);
        assertSameBytes(published, home.resolve("work").resolve("warehouse.duckdb"));
        assertThat(Memberstat.count(home, "select * from fct_reported_value")).isEqualTo(311);
    }

    /** Size and bytes written, in tenths of a megabyte, from the summary's warehouse line. */
    private static long[] megabytesWritten(String summary) {
        Matcher m = Pattern.compile("warehouse .* \\((\\d+)\\.(\\d) MB, (\\d+)\\.(\\d) MB written\\)").matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        return new long[] {Long.parseLong(m.group(1) + m.group(2)), Long.parseLong(m.group(3) + m.group(4))};
    }

    private static void assertSameBytes(Path a, Path b) throws java.io.IOException {
        assertThat(Files.mismatch(a, b)).as("%s is a byte copy of %s", a, b).isEqualTo(-1L);
    }

    @Test
    void viewsAnswerInDuckDb14() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        assertThat(Memberstat.nightly(home, inbox, "2026-06-30").exitCode()).isZero();
        for (String view : List.of("v_admission_attainment", "v_admission_by_category", "v_term_progress", "v_screening_by_year",
                "v_submission_completeness", "dq_finding", "quarantine")) {
            Process p = new ProcessBuilder(javaExecutable(), "-cp",
                    Path.of("target", "test-classes") + java.io.File.pathSeparator + DUCKDB_14, ReaderProbe.class.getName(),
                    home.resolve("warehouse.duckdb").toString(), "select count(*) from " + view)
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long expected = Memberstat.count(home, "select * from " + view);
            assertThat(out).as(view).contains("value " + expected);
            assertThat(expected).as(view + " has rows").isPositive();
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
