package vn.memberstat.load;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Every row read must be loaded, quarantined or a duplicate, and the loaded and quarantined rows must really be in
 * the warehouse: the counts come from the reader, the rows from the tables (load/checks/conservation.sql).
 */
final class ConservationCheck {
    private ConservationCheck() {}

    static void check(Connection c, String runId) throws SQLException {
        LoadCheck.require(c, "conservation.sql", "run " + runId
                + ": rows read != loaded + quarantined + duplicate, or the stored rows differ from the counts",
                rs -> "%s: read %d, loaded %d, quarantined %d, duplicate %d; stored %d, in quarantine %d".formatted(
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
    }
}
