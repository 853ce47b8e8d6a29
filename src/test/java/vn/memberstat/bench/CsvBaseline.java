package vn.memberstat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * The benchmark's baseline: DuckDB's own CSV reader turning the same files into Parquet, with no
 * checks at all. Long-layout files are copied as they are; report forms are unpivoted to one row per
 * non-empty cell, so the output has one row per value, as memberstat's lake has. Every field is read as
 * text: no number, period or unit is validated. Registry files go to a Parquet file of their own.
 */
public final class CsvBaseline {
    private static final String LONG_COLUMNS = "unit_code, period, indicator, category, value, comment";

    /** What the baseline did: files read, rows written, and where the time went. */
    public record Result(long files, int groups, long valueRows, long registryRows, long unknownFiles, double listSeconds,
            double duckdbSeconds) {}

    private CsvBaseline() {}

    /** Reads every CSV file under {@code inputs} and writes {@code out/values.parquet} and {@code out/registry.parquet}. */
    public static Result run(List<Path> inputs, Path out, int threads) {
        long started = System.nanoTime();
        CsvFileGroups.Sorted sorted = CsvFileGroups.of(inputs);
        double listSeconds = (System.nanoTime() - started) / 1e9;
        long duckdbStarted = System.nanoTime();
        List<String> valueSelects = new ArrayList<>();
        List<String> registrySelects = new ArrayList<>();
        for (CsvFileGroups.Group g : sorted.groups()) {
            switch (g.kind()) {
                case LONG -> valueSelects.add(longSelect(g));
                case REPORT_FORM -> valueSelects.add(formSelect(g));
                case REGISTRY -> registrySelects.add(registrySelect(g));
            }
        }
        try {
            Files.createDirectories(out);
            Path values = out.resolve("values.parquet");
            Path registry = out.resolve("registry.parquet");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                if (threads > 0) {
                    s.execute("set threads = " + threads);
                }
                s.execute("set preserve_insertion_order = false");
                long valueRows = 0;
                long registryRows = 0;
                if (!valueSelects.isEmpty()) {
                    s.execute("copy (" + String.join("\nunion all\n", valueSelects) + ") to " + literal(values) + " (format parquet)");
                    valueRows = count(s, values);
                }
                if (!registrySelects.isEmpty()) {
                    s.execute("copy (" + String.join("\nunion all\n", registrySelects) + ") to " + literal(registry) + " (format parquet)");
                    registryRows = count(s, registry);
                }
                double duckdbSeconds = (System.nanoTime() - duckdbStarted) / 1e9;
                return new Result(sorted.files(), sorted.groups().size(), valueRows, registryRows, sorted.unknown().size(),
                        listSeconds, duckdbSeconds);
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "DuckDB baseline failed: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, "cannot create " + out + ": " + e.getMessage(), e);
        }
    }

    private static String longSelect(CsvFileGroups.Group g) {
        return "select " + LONG_COLUMNS + " from " + readCsv(g, List.of("unit_code", "period", "indicator", "category", "value", "comment"));
    }

    private static String registrySelect(CsvFileGroups.Group g) {
        return "select * from " + readCsv(g, List.of("unit_code", "unit_name", "parent_code", "level", "unit_type", "valid_from",
                "valid_to", "successor_code"));
    }

    /** Columns c0..cN; c0 is the unit, c1 the period, the last the comment; the others unpivoted and labelled. */
    private static String formSelect(CsvFileGroups.Group g) {
        int n = g.header().size();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("c" + i);
        }
        String comment = "c" + (n - 1);
        List<String> valueColumns = names.subList(2, n - 1);
        String labels = valueColumns.stream()
                .map(col -> "(" + literal(col) + ", " + literal(g.header().get(Integer.parseInt(col.substring(1)))) + ")")
                .collect(Collectors.joining(", "));
        return "select f.c0 as unit_code, f.c1 as period, l.label as indicator, null::varchar as category, f.cell as value, f."
                + comment + " as comment from (unpivot (select * from " + readCsv(g, names) + ") on "
                + String.join(", ", valueColumns) + " into name col value cell) f join (values " + labels
                + ") l(col, label) using (col)";
    }

    private static String readCsv(CsvFileGroups.Group g, List<String> columns) {
        String files = g.files().stream().map(CsvBaseline::literal).collect(Collectors.joining(", ", "[", "]"));
        String types = columns.stream().map(c -> literal(c) + ": 'VARCHAR'").collect(Collectors.joining(", ", "{", "}"));
        return "read_csv(" + files + ", delim = " + literal(String.valueOf(g.separator())) + ", header = true, auto_detect = false,"
                + " quote = '\"', escape = '\"', columns = " + types + ")";
    }

    private static long count(Statement s, Path parquet) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from read_parquet(" + literal(parquet) + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String literal(Object text) {
        return "'" + text.toString().replace("'", "''") + "'";
    }
}
