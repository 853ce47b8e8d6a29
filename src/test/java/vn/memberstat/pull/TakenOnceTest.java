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
        Memberstat.write(inbox, "registry.csv", """
                unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code
                P,Tỉnh ủy P,,1,province,1990-01-01,,
                """);
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
}
