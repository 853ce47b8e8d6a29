package vn.memberstat.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * An analyst in another process: opens a DuckDB file read-only with whatever driver is on its class
 * path (the tests use DuckDB 1.4), prints the driver version and a query's first value, then waits
 * for a line on standard input and queries again on the same connection.
 */
public final class ReaderProbe {
    private ReaderProbe() {}

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], p); Statement s = c.createStatement()) {
            System.out.println("duckdb " + first(s, "select version()"));
            System.out.println("value " + first(s, args[1]));
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            System.out.println("value " + first(s, args[1]));
        }
    }

    private static String first(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }
}
