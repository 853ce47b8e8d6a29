package vn.memberstat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;

/**
 * A floor under any run that stores what a given warehouse holds: DuckDB alone writing the same rows,
 * table by table, into a new database file, from copies already in memory. Nothing is parsed, checked
 * or derived; only the inserts and the final checkpoint are timed. The benchmark runs it on the
 * backfill's warehouse, to show how much of the backfill's time writing its rows takes by itself.
 */
public final class WriteFloor {
    /** The tables written, their rows in total, the seconds the writes took, and each table's insert in seconds. */
    public record Result(int tables, long rows, double writeSeconds, Map<String, Double> tableSeconds) {}

    private WriteFloor() {}

    public static Result run(Path warehouse, Path out) {
        if (!Files.isRegularFile(warehouse)) {
            throw new MemberstatException(ErrorCode.USAGE, "no warehouse file at " + warehouse);
        }
        if (Files.exists(out)) {
            throw new MemberstatException(ErrorCode.USAGE, out + " exists: the floor is written to a new file");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute("set preserve_insertion_order = false");   // as the warehouse's own connection
            s.execute("attach " + SqlScript.literal(warehouse) + " as src (read_only)");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from duckdb_tables() where database_name = 'src'"
                    + " and schema_name = 'main' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            long rows = 0;
            for (String t : tables) {
                String name = quoted(t);
                s.execute("create table " + name + " as select * from src.main." + name + " limit 0");
                s.execute("create temp table " + quoted("copy_" + t) + " as select * from src.main." + name);
                rows += count(s, "temp.main." + quoted("copy_" + t));
            }
            s.execute("detach src");
            s.execute("checkpoint");
            Map<String, Double> tableSeconds = new LinkedHashMap<>();
            long started = System.nanoTime();
            for (String t : tables) {
                long tableStarted = System.nanoTime();
                s.execute("insert into " + quoted(t) + " select * from temp.main." + quoted("copy_" + t));
                tableSeconds.put(t, (System.nanoTime() - tableStarted) / 1e9);
            }
            s.execute("checkpoint");
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(tables.size(), rows, seconds, tableSeconds);
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "the write floor on " + warehouse + " failed: " + e.getMessage(), e);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
