package vn.memberstat.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.ReaderProbe;

/**
 * fct_value_as_of gives fct_value as the warehouse knew it at a moment: a report sent in February and
 * corrected in March by a file taken in a later run shows its first figures before the correction's
 * modified time and the corrected ones after it, also in a DuckDB 1.4 client reading the published file.
 */
final class FctValueAsOfTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Path DUCKDB_14 = Path.of("target", "duckdb14", "duckdb_jdbc-1.4.jar");
    private static final String BEFORE = "timestamp '2025-03-01'";
    private static final String AFTER = "timestamp '2025-03-11'";
    @TempDir
    static Path temp;
    private static Path home;

    @BeforeAll
    static void reportInFebruaryAndCorrectInMarch() throws IOException {
        Path inbox = temp.resolve("inbox");
        home = temp.resolve("home");
        send(inbox, "registry.csv", LocalDateTime.of(2025, 1, 15, 9, 0), Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.TX,Quận ủy Thanh Xuân,HN,2,urban_district,1997-01-01,,
                HN.DD,Quận ủy Đống Đa,HN,2,urban_district,1997-01-01,,
                """);
        send(inbox, "2025/bao-cao.csv", LocalDateTime.of(2025, 2, 1, 10, 0), Memberstat.LONG_HEADER + """
                HN.TX,2024,admitted,total,72,
                HN.TX,2024,admitted,thpt_student,3,
                HN.TX,2024,members,total,20772,
                HN.DD,2024,admitted,total,40,
                """);
        assertRan(Memberstat.nightly(home, inbox, "2025-02-28"));
        // the correction leaves thpt_student out: it no longer counts
        send(inbox, "2025/dinh-chinh.csv", LocalDateTime.of(2025, 3, 10, 8, 30), Memberstat.LONG_HEADER + """
                HN.TX,2024,admitted,total,75,
                """);
        assertRan(Memberstat.nightly(home, inbox, "2025-03-31"));
    }

    @Test
    void beforeTheCorrectionTheFirstFiguresStand() {
        assertThat(admittedOfThanhXuan(BEFORE)).containsExactly("thpt_student 3.0", "total 72.0");
        assertThat(count(home, "select * from fct_value_as_of(" + BEFORE + ")")).isEqualTo(4);
    }

    @Test
    void afterTheCorrectionItStandsAndEqualsFctValue() {
        assertThat(admittedOfThanhXuan(AFTER)).containsExactly("total 75.0");
        assertThat(count(home, "select * from fct_value")).isEqualTo(3);
        assertThat(count(home, "select * from fct_value_as_of(" + AFTER + ")")).isEqualTo(3);
        assertThat(count(home, "(select * from fct_value except all select * from fct_value_as_of(" + AFTER + "))"
                + " union all (select * from fct_value_as_of(" + AFTER + ") except all select * from fct_value)")).isZero();
    }

    @Test
    void theColumnsAreFctValuesInTheSameOrder() {
        assertThat(query(home, "select * from fct_value_as_of(" + AFTER + ") order by all").get(0).keySet())
                .containsExactlyElementsOf(query(home, "select * from fct_value order by all").get(0).keySet());
    }

    @Test
    void beforeAnySubmissionThereIsNothing() {
        assertThat(count(home, "select * from fct_value_as_of(timestamp '2025-01-01')")).isZero();
    }

    @Test
    void nowGivesAsManyRowsAsFctValue() {
        assertThat(count(home, "select * from fct_value_as_of(now()::timestamp)"))
                .isEqualTo(count(home, "select * from fct_value"));
    }

    @Test
    void aDuckDb14ClientReadsTheFigureOfEachMoment() throws Exception {
        String total = "select value from fct_value_as_of(%s) where unit_code = 'HN.TX' and indicator_code = 'admitted'"
                + " and category_code = 'total'";
        assertThat(readWithDuckDb14(total.formatted(BEFORE))).contains("duckdb v1.4").contains("value 72.0");
        assertThat(readWithDuckDb14(total.formatted(AFTER))).contains("value 75.0");
    }

    private static List<String> admittedOfThanhXuan(String asOf) {
        return query(home, "select category_code, value from fct_value_as_of(" + asOf + ")"
                + " where unit_code = 'HN.TX' and period = '2024' and indicator_code = 'admitted' order by category_code")
                .stream().map(r -> r.get("category_code") + " " + r.get("value")).toList();
    }

    /** What ReaderProbe prints for {@code sql} on the published file, in another process with the DuckDB 1.4 driver. */
    private static String readWithDuckDb14(String sql) throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                Path.of("target", "test-classes") + java.io.File.pathSeparator + DUCKDB_14, ReaderProbe.class.getName(),
                home.resolve("warehouse.duckdb").toString(), sql).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static void send(Path inbox, String name, LocalDateTime modified, String content) throws IOException {
        Path file = Memberstat.write(inbox, name, content);
        Files.setLastModifiedTime(file, FileTime.from(modified.atZone(HANOI).toInstant()));
    }

    private static void assertRan(Memberstat.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
