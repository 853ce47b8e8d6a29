package vn.memberstat.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.memberstat.cli.Cli;

/** Runs memberstat commands in-process on real files, and reads the published warehouse. */
public final class Memberstat {
    public static final Path SAMPLE_INPUT = Path.of("sample-input");
    public static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");
    /** The header lines of a long-layout data file and of a registry file, as the contract spells them. */
    public static final String LONG_HEADER = "unit_code,period,indicator,category,value,comment\n";
    public static final String REGISTRY_HEADER = "unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code\n";

    private Memberstat() {}

    public record Result(int exitCode, String out, String err) {}

    /** Runs a command in this JVM; {@code nightly} takes files at once (settle-seconds 0) unless the arguments set it. */
    public static Result run(String... args) {
        return runWithInput("", args);
    }

    /** {@link #run} with {@code input} on standard input. */
    public static Result runWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (args.length > 0 && args[0].equals("nightly")
                && all.stream().noneMatch(a -> a.startsWith("--memberstat.settle-seconds="))) {
            all.add("--memberstat.settle-seconds=0");
        }
        int code = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static Result nightly(Path home, Path inbox, String date, String... settings) {
        List<String> args = new ArrayList<>(List.of("nightly", "--home", home.toString(), "--inbox", inbox.toString(), "--date", date));
        args.addAll(Arrays.asList(settings));
        return run(args.toArray(String[]::new));
    }

    /** Copies sample-input into {@code target}, every file modified at 2026-01-01 (so order is by path). */
    public static Path copySample(Path target) {
        try {
            Files.walkFileTree(SAMPLE_INPUT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(SAMPLE_INPUT.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path copy = target.resolve(SAMPLE_INPUT.relativize(file).toString());
                    Files.copy(file, copy);
                    Files.setLastModifiedTime(copy, FileTime.from(OLD));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static Path write(Path inbox, String relative, String content) {
        try {
            Path file = inbox.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(OLD));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a query on the published warehouse, opened read-only; each row column name to value. */
    public static List<Map<String, Object>> query(Path home, String sql) {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"), p);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnLabel(i), v instanceof java.math.BigDecimal d ? d.doubleValue() : v);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    public static Map<String, Object> one(Path home, String sql) {
        List<Map<String, Object>> rows = query(home, sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " for " + sql + ": " + rows);
        }
        return rows.get(0);
    }

    public static long count(Path home, String sql) {
        return ((Number) one(home, "select count(*) as n from (" + sql + ")").get("n")).longValue();
    }
}
