package vn.memberstat.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

        Process analyst = new ProcessBuilder(javaExecutable(), "-cp",
                Path.of("target", "test-classes") + java.io.File.pathSeparator + DUCKDB_14, ReaderProbe.class.getName(),
                published.toString(), query).redirectErrorStream(true).start();
        BufferedReader analystOut = new BufferedReader(new InputStreamReader(analyst.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = analystOut.readLine()) != null && !line.equals("ready")) {
            lines.add(line);
        }
        assertThat(lines).as("the DuckDB 1.4 driver reads the published file").contains("duckdb v1.4.2", "value 284");

        Memberstat.write(inbox, "2026/late.csv", "unit_code,period,indicator,category,value,comment\nHN.P-TX,2026-05,admitted,,9,\n");
        Memberstat.Result second = Memberstat.nightly(home, inbox, "2026-07-01");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Memberstat.count(home, "select * from fct_reported_value")).isEqualTo(285);

        try (Writer w = new OutputStreamWriter(analyst.getOutputStream(), StandardCharsets.UTF_8)) {
            w.write("again\n");
        }
        assertThat(analystOut.readLine()).as("the analyst's open connection still reads its own copy").isEqualTo("value 284");
        assertThat(analyst.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(analyst.exitValue()).isZero();
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("publishing"));
        }
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
