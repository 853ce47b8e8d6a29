package vn.memberstat.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * Times a query on a warehouse file opened read-only, as an analyst's tool would run it: execute,
 * then fetch every row and every column. The connection is opened once, outside the timing.
 */
public final class QueryTimer {
    /** One execution: its wall time and the rows it returned. */
    public record Run(double millis, long rows) {}

    private QueryTimer() {}

    public static List<Run> time(Path database, String sql, int repetitions) {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        List<Run> runs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), p);
                Statement s = c.createStatement()) {
            for (int i = 0; i < repetitions; i++) {
                long started = System.nanoTime();
                long rows = 0;
                try (ResultSet rs = s.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int col = 1; col <= columns; col++) {
                            rs.getObject(col);
                        }
                        rows++;
                    }
                }
                runs.add(new Run((System.nanoTime() - started) / 1e6, rows));
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.BAD_QUERY, "query on " + database + " failed: " + e.getMessage(), e);
        }
        return runs;
    }

    public static double medianMillis(List<Run> runs) {
        double[] ms = runs.stream().mapToDouble(Run::millis).sorted().toArray();
        int n = ms.length;
        return n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    }
}
