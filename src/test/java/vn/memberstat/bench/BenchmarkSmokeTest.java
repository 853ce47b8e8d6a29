package vn.memberstat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.cli.Cli;

/**
 * The benchmark's Java side in a small configuration, so it cannot rot: DuckDB's baseline over a
 * generated inbox and over a backfill file, the nightly run over the backfill, the attainment query
 * timer, the write floor, the compaction of a cached warehouse, and the script's own syntax and help.
 */
final class BenchmarkSmokeTest {
    @TempDir
    Path tmp;

    @Test
    void baselineReadsEveryGeneratedValue() throws IOException {
        Path inbox = tmp.resolve("inbox");
        run("generate", "--provinces", "1", "--grassroots-per-province", "40", "--months", "2024-12..2025-01", "--out", inbox.toString());
        Map<String, String> generated = properties(Files.readString(inbox.resolve("generated.properties")));

        Map<String, String> baseline = properties(run("bench-duckdb-csv", "--out", tmp.resolve("baseline").toString(), inbox.toString()));

        assertThat(baseline.get("value_rows")).isEqualTo(generated.get("values"));
        assertThat(baseline.get("registry_rows")).isEqualTo(generated.get("registry_rows"));
        assertThat(baseline).containsEntry("files", generated.get("files")).containsEntry("unknown_files", "0");
        assertThat(Files.size(tmp.resolve("baseline").resolve("values.parquet"))).isPositive();
    }

    @Test
    void backfillFileLoadsAndTheAttainmentViewIsTimed() throws IOException, SQLException {
        Path backfill = tmp.resolve("backfill");
        Path home = tmp.resolve("home");
        run("generate", "--provinces", "1", "--grassroots-per-province", "40", "--months", "2024-01..2030-12",
                "--backfill-rows", "5000", "--out", backfill.toString());
        Map<String, String> generated = properties(Files.readString(backfill.resolve("generated.properties")));
        Path file = backfill.resolve("backfill").resolve("backfill.csv");
        assertThat(Files.readAllLines(file)).hasSize(5001);

        Map<String, String> baseline = properties(run("bench-duckdb-csv", "--out", tmp.resolve("baseline").toString(), file.toString()));
        String nightly = run("nightly", "--home", home.toString(), "--inbox", backfill.toString(), "--date", "2024-05-05",
                "--memberstat.settle-seconds=0", "--memberstat.max-file-bytes=2147483648");
        Map<String, String> query = properties(run("bench-query", "--db", home.resolve("warehouse.duckdb").toString(), "--reps", "3",
                "select * from v_admission_attainment where year = 2024"));

        assertThat(baseline).containsEntry("value_rows", "5000").containsEntry("files", "1");
        assertThat(nightly).contains("COMPLETED")
                .contains("rows     read " + (5000 + Long.parseLong(generated.get("registry_rows"))) + " ");
        assertThat(Long.parseLong(query.get("rows"))).isEqualTo(40);
        assertThat(query).containsKeys("run_1_ms", "run_3_ms", "median_ms");
        Matcher loaded = Pattern.compile("= loaded (\\d+) ").matcher(nightly);
        assertThat(loaded.find()).isTrue();

        // the write floor writes every row the warehouse holds, and only into a new file
        Path published = home.resolve("warehouse.duckdb");
        Path floorFile = tmp.resolve("floor.duckdb");
        Map<String, String> floor = properties(run("bench-write-floor", "--db", published.toString(), "--out", floorFile.toString()));
        assertThat(Long.parseLong(floor.get("rows"))).isEqualTo(rowsIn(published)).isEqualTo(rowsIn(floorFile))
                .isGreaterThan(Long.parseLong(loaded.group(1)));
        assertThat(Double.parseDouble(floor.get("write_seconds"))).isPositive();
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(BenchMain.run(new String[] {"bench-write-floor", "--db", published.toString(), "--out", floorFile.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(refused, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(refused.toString(StandardCharsets.UTF_8)).contains(floorFile + " exists");

        // compacted, the warehouse holds the same values; the next run publishes it again
        String values = currentValues(published);
        Map<String, String> compacted = properties(run("bench-compact", "--home", home.toString()));
        assertThat(published).doesNotExist();
        assertThat(Long.parseLong(compacted.get("bytes_after"))).isPositive().isLessThanOrEqualTo(Long.parseLong(compacted.get("bytes_before")));
        assertThat(run("nightly", "--home", home.toString(), "--inbox", backfill.toString(), "--date", "2024-05-06",
                "--memberstat.settle-seconds=0", "--memberstat.max-file-bytes=2147483648")).contains("COMPLETED");
        assertThat(currentValues(published)).isEqualTo(values)
                .isEqualTo(String.valueOf(Long.parseLong(loaded.group(1)) - Long.parseLong(generated.get("registry_rows"))));
    }

    /** Rows in every table of a DuckDB file, counted apart from the command under test. */
    private static long rowsIn(Path database) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        List<String> tables = new ArrayList<>();
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database, readOnly); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select table_name from duckdb_tables() where schema_name = 'main' and not temporary")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + t + "\"")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }

    private static String currentValues(Path warehouse) {
        return properties(run("bench-query", "--db", warehouse.toString(), "--reps", "1", "select * from fct_value")).get("rows");
    }

    @Test
    void scriptParsesAndExplainsItself() throws Exception {
        Path script = Path.of("bench", "run").toAbsolutePath();
        assertThat(script).isExecutable();

        Process syntax = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        Process help = new ProcessBuilder("bash", script.toString(), "--help").redirectErrorStream(true).start();

        assertThat(syntax.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(syntax.exitValue()).as(new String(syntax.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--provinces").contains("--reps");
        assertThat(help.exitValue()).isZero();
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = args[0].startsWith("bench-") ? BenchMain.run(args, o, e) : Cli.run(args, o, e, new ByteArrayInputStream(new byte[0]));
        assertThat(code).as("%s: %s", args[0], err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> properties(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return values;
    }
}
