package vn.memberstat.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;

/**
 * A check of the load before it commits: a query of {@code warehouse-sql/load/checks/} that returns no rows when the
 * load is sound. Each row it returns is described in the failure, which stops the run (CONSERVATION_BROKEN).
 */
final class LoadCheck {
    private LoadCheck() {}

    /** How a row the query returned reads in the failure. */
    interface Row {
        String describe(ResultSet row) throws SQLException;
    }

    static void require(Connection c, String file, String failure, Row row) throws SQLException {
        List<String> broken = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlScript.of("load/checks/" + file).query())) {
            while (rs.next()) {
                broken.add(row.describe(rs));
            }
        }
        if (!broken.isEmpty()) {
            throw new MemberstatException(ErrorCode.CONSERVATION_BROKEN, failure + ":\n  " + String.join("\n  ", broken));
        }
    }
}
