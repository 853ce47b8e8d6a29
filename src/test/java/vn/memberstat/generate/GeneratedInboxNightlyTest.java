package vn.memberstat.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.cli.Cli;

/**
 * The generator in a small configuration (two provinces, one merging into the other on 1/7/2025), and
 * the nightly run over what it wrote: the counts an operator reads must match what was generated.
 */
final class GeneratedInboxNightlyTest {
    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesTheSameBytesWhateverTheThreads() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Path other = tmp.resolve("other");

        generate(one, "--error-rate", "0.01", "--workers", "1");
        generate(two, "--error-rate", "0.01", "--workers", "2");
        generate(other, "--error-rate", "0.01", "--seed", "2");

        Map<String, byte[]> first = contents(one);
        Map<String, byte[]> second = contents(two);
        assertThat(first).hasSize(second.size()).hasSizeGreaterThan(200);
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
        assertThat(contents(other).get("registry/units.csv")).isNotEqualTo(first.get("registry/units.csv"));
    }

    @Test
    void cleanInboxLoadsWholeAndItsMemberStocksBalance() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Path home = tmp.resolve("home");

        String generated = generate(inbox, "--error-rate", "0", "--months", "2025-01..2025-08");
        Map<String, String> summary = summary(inbox);
        String nightly = nightly(home, inbox, "2025-09-05");

        long monthlyFiles = Long.parseLong(summary.get("monthly_files"));
        long values = Long.parseLong(summary.get("values"));
        long registryRows = Long.parseLong(summary.get("registry_rows"));
        assertThat(generated).contains("60 grassroots organisations");
        assertThat(csvFiles(inbox)).hasSize((int) monthlyFiles + 1);
        assertThat(values).isBetween(monthlyFiles * 40, monthlyFiles * 41);
        assertThat(summary).containsEntry("correction_files", "0").containsEntry("spoiled_values", "0");
        assertThat(nightly).contains("COMPLETED").contains("quarantined 0");
        try (Connection c = warehouse(home)) {
            assertThat(longs(c, "select rows_read, rows_loaded, rows_quarantined, rows_duplicate from etl_run"))
                    .containsExactly(registryRows + values, registryRows + values, 0L, 0L);
            assertThat(longs(c, "select count(*), sum(rows_read) - sum(rows_loaded + rows_quarantined + rows_duplicate) from dim_submission"))
                    .containsExactly(monthlyFiles + 1, 0L);
            assertThat(longs(c, "select count(*) from dq_finding_row where rule_code = 'MEMBER_BALANCE'")).containsExactly(0L);
            assertThat(longs(c, "select count(*) from dq_finding_row")).containsExactly(0L);
            // Vĩnh Phúc merged into Phú Thọ; its grassroots organisations carry on under Phú Thọ.
            assertThat(longs(c, """
                    select count(*) filter (where level = 1 and valid_to is null),
                           count(*) filter (where unit_code like 'VP.%' and level = 3 and valid_from = date '2025-07-01'
                                            and parent_code = 'PT')
                    from dim_unit""")).satisfies(l -> {
                assertThat(l.get(0)).isEqualTo(1L);
                assertThat(l.get(1)).isGreaterThan(10L);
            });
            // Members of a merged commune count as transferred in by the commune it merged into, so stocks still balance.
            assertThat(longs(c, """
                    select count(*) from fct_value
                    where period in ('2025-07', '2025-01..2025-07') and indicator_code = 'transferred_in' and value > 100""")).isNotEqualTo(List.of(0L));
            assertThat(longs(c, "select count(*) from v_admission_attainment where year = 2025 and quota_count > 0").get(0)).isGreaterThan(30L);
        }
    }

    /**
     * January 2021 also carries the 2020-2025 term quotas; with 600 files DuckDB plans the roll-up check so
     * that it meets them (a term has no end month), which it must step over.
     */
    @Test
    void spoiledValuesAreQuarantinedAtTheErrorRateAndCorrectionsWin() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Path home = tmp.resolve("home");

        generate(inbox, "--error-rate", "0.03", "--months", "2021-01", "--grassroots-per-province", "300");
        Map<String, String> summary = summary(inbox);
        String nightly = nightly(home, inbox, "2021-02-05");

        long values = Long.parseLong(summary.get("values"));
        long spoiled = Long.parseLong(summary.get("spoiled_values"));
        assertThat((double) spoiled / values).isBetween(0.02, 0.04);
        assertThat(Long.parseLong(summary.get("correction_files"))).isPositive();
        assertThat(nightly).contains("COMPLETED").contains("quarantined " + spoiled + " ");
        try (Connection c = warehouse(home)) {
            assertThat(longs(c, "select rows_read - rows_loaded - rows_quarantined - rows_duplicate, rows_quarantined from etl_run"))
                    .containsExactly(0L, spoiled);
            assertThat(longs(c, """
                    select count(*) filter (where reason_code = 'BAD_VALUE'), count(*) filter (where reason_code = 'UNKNOWN_UNIT'),
                           count(*) filter (where reason_code = 'BAD_PERIOD'), count(*)
                    from quarantine_row""")).containsExactly(Long.parseLong(summary.get("spoiled_BAD_VALUE")),
                    Long.parseLong(summary.get("spoiled_UNKNOWN_UNIT")), Long.parseLong(summary.get("spoiled_BAD_PERIOD")), spoiled);
            // Every correction was sent later than the file it corrects, so its admissions are the ones in effect.
            long corrections = Long.parseLong(summary.get("correction_files"));
            assertThat(longs(c, """
                    select count(*),
                           count(*) filter (where exists (select 1 from fct_value v where v.submission_id = d.submission_id
                                                          and v.indicator_code = 'admitted' and v.category_code = 'total'))
                    from dim_submission d where d.file_path like '%-dinh-chinh.csv'""")).containsExactly(corrections, corrections);
            assertThat(longs(c, """
                    select count(*)
                    from fct_reported_value o
                    join fct_reported_value k using (unit_code, period, indicator_code, category_code)
                    join dim_submission d on d.submission_id = k.submission_id
                    where d.file_path like '%-dinh-chinh.csv' and o.submission_id <> k.submission_id
                      and o.indicator_code = 'admitted' and o.category_code = 'total' and o.value <> k.value""").get(0))
                    .isPositive().isLessThanOrEqualTo(corrections);
            // Generated stocks balance, and a value refused is missing, not 0: no finding of any rule.
            assertThat(longs(c, "select count(*) from dq_finding_row")).containsExactly(0L);
        }
    }

    /**
     * Derive and check recompute only what a night touched. Four nights, one month each across a new year
     * (with the year's quotas in January, corrections and spoiled values), must leave every derived table
     * and finding as one run over the four months does.
     */
    @Test
    void nightByNightDerivesWhatOneRunDerives() throws Exception {
        Path inbox = tmp.resolve("inbox");
        generate(inbox, "--error-rate", "0.01", "--months", "2024-11..2025-02");
        String changed = addMembers(inbox.resolve("2024-12"), 5);
        Path once = tmp.resolve("once");
        assertThat(nightly(once, inbox, "2025-03-25")).contains("COMPLETED");

        Path growing = tmp.resolve("growing");
        Path nightly = tmp.resolve("nightly");
        copyTree(inbox.resolve("registry"), growing.resolve("registry"));
        for (String month : List.of("2024-11", "2024-12", "2025-01", "2025-02")) {
            copyTree(inbox.resolve(month), growing.resolve(month));
            String runDate = java.time.YearMonth.parse(month).plusMonths(1).atDay(25).toString();
            assertThat(nightly(nightly, growing, runDate)).contains("COMPLETED");
        }

        try (Connection a = warehouse(once); Connection b = warehouse(nightly)) {
            assertThat(longs(b, "select count(*) from etl_run")).containsExactly(4L);
            for (String sql : List.of(
                    "select * exclude (run_id) from fct_value",
                    "select * from fct_flow_ytd", "select * from fct_flow_month", "select * from dq_outlier_series", "select * from fct_stock",
                    "select * from fct_quota", "select * exclude (run_id) from dq_finding_row",
                    "select * from v_admission_attainment")) {
                List<String> expected = rows(a, sql + " order by all");
                assertThat(rows(b, sql + " order by all")).as(sql).isEqualTo(expected).isNotEmpty();
            }
            assertThat(rows(a, "select * from fct_quota where year = 2025 and source = 'rate'")).isNotEmpty();
            // December's 5 extra members: its balance and identity, and January's balance, which starts from December
            assertThat(rows(a, "select rule_code, unit_code, period from dq_finding_row order by all")).containsExactly(
                    "MEMBER_BALANCE|" + changed + "|2024-12|", "MEMBER_BALANCE|" + changed + "|2025-01|",
                    "STOCK_IDENTITY|" + changed + "|2024-12|");
        }
    }

    /**
     * Adds {@code extra} to the members total of the first comma-separated long-layout file under {@code month}
     * that no correction replaces, keeping its modified time; returns its unit.
     */
    private static String addMembers(Path month, int extra) throws IOException {
        Pattern members = Pattern.compile("(?m)^([^,\\s]+),([0-9-]+),members,total,([0-9]+),");
        try (Stream<Path> files = Files.walk(month)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-bao-cao.csv")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (Files.exists(file.resolveSibling(name.replace("-bao-cao.csv", "-dinh-chinh.csv")))) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = members.matcher(text);
                if (m.find()) {
                    FileTime modified = Files.getLastModifiedTime(file);
                    Files.writeString(file, text.substring(0, m.start(3)) + (Long.parseLong(m.group(3)) + extra)
                            + text.substring(m.end(3)), StandardCharsets.UTF_8);
                    Files.setLastModifiedTime(file, modified);
                    return m.group(1);
                }
            }
        }
        throw new IllegalStateException("no comma-separated long-layout file under " + month);
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Copies a directory with its files' modified times, which decide which of two files of a unit and month wins. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private String generate(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("generate", "--provinces", "2", "--grassroots-per-province", "30",
                "--months", "2025-05..2025-08", "--seed", "7", "--out", out.toString()));
        for (int i = 0; i < extra.length; i += 2) {
            int at = args.indexOf(extra[i]);
            if (at >= 0) {
                args.set(at + 1, extra[i + 1]);
            } else {
                args.add(extra[i]);
                args.add(extra[i + 1]);
            }
        }
        return run(args.toArray(String[]::new));
    }

    static String nightly(Path home, Path inbox, String date) {
        return run("nightly", "--home", home.toString(), "--inbox", inbox.toString(), "--date", date,
                "--memberstat.settle-seconds=0");
    }

    static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code of %s; stderr: %s; stdout: %s", args[0], err.toString(StandardCharsets.UTF_8), text).isZero();
        return text;
    }

    static Map<String, String> summary(Path inbox) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(inbox.resolve(InboxGenerator.SUMMARY))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    static Connection warehouse(Path home) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"), p);
    }

    static List<Long> longs(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from %s", sql).isTrue();
            List<Long> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getLong(i));
            }
            return row;
        }
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".csv")).toList();
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> {
                try {
                    contents.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return contents;
    }
}
