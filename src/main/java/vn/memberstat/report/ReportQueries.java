package vn.memberstat.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;

/** The breakdowns of a run's report, from the working warehouse (warehouse-sql/report/). */
final class ReportQueries {
    private ReportQueries() {}

    static void fill(Connection c, RunReport report) {
        report.findingsByRule.clear();
        report.refusedFilesByReason.clear();
        report.quarantinedRowsByReason.clear();
        try {
            try (ResultSet rs = query(c, "report/findings_by_rule.sql", report.runDate)) {
                while (rs.next()) {
                    report.findingsByRule.put(rs.getString(1), new RunReport.RuleFindings(rs.getString(2), rs.getLong(3)));
                }
            }
            try (ResultSet rs = query(c, "report/refused_files_by_reason.sql", report.runDate)) {
                while (rs.next()) {
                    report.refusedFilesByReason.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = query(c, "report/quarantined_rows_by_reason.sql", report.runDate)) {
                while (rs.next()) {
                    report.quarantinedRowsByReason.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read the run's breakdowns: " + e.getMessage(), e);
        }
    }

    /** The result set closes its statement with it. */
    private static ResultSet query(Connection c, String script, String runId) throws SQLException {
        PreparedStatement s = c.prepareStatement(SqlScript.of(script).query());
        s.closeOnCompletion();
        s.setString(1, runId);
        return s.executeQuery();
    }
}
