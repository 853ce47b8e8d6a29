package vn.memberstat.load;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Every file of this run is recorded once, and no earlier run took the same bytes: dim_submission has no index to
 * say so (load/checks/taken_once.sql).
 */
final class TakenOnceCheck {
    private TakenOnceCheck() {}

    static void check(Connection c, String runId) throws SQLException {
        LoadCheck.require(c, "taken_once.sql", "run " + runId + ": a file would be taken twice",
                rs -> rs.getString(1) + " recorded " + rs.getLong(2) + " times");
    }
}
