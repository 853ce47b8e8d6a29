package vn.memberstat.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The run summary's pointer to what was refused or quarantined: the command that lists it, and the three most
 * frequent reasons with their counts, read from the warehouse the run published.
 */
final class RejectsHint {
    static final int REASONS_SHOWN = 3;

    private RejectsHint() {}

    /** Prints the hint when the run refused a file or quarantined a row; nothing otherwise, or when nothing was published. */
    static void print(PrintStream out, Path home, String runId, ExecutionContext c) {
        if (c.getLong("files_refused", 0L) + c.getLong("rows_quarantined", 0L) == 0) {
            return;
        }
        List<String> reasons = topReasons(home.resolve("warehouse.duckdb"), runId);
        out.println("  rejects  see: memberstat rejects --run " + runId
                + (reasons.isEmpty() ? "" : " (most frequent: " + String.join(", ", reasons) + ")"));
    }

    /** {@code REASON count} for the run's most frequent reasons, most first; empty when the warehouse cannot be read. */
    static List<String> topReasons(Path warehouse, String runId) {
        List<String> reasons = new ArrayList<>();
        if (!Files.exists(warehouse)) {
            return reasons;
        }
        String sql = "select reason_code, count(*) from quarantine where run_id = ? group by reason_code"
                + " order by count(*) desc, reason_code limit " + REASONS_SHOWN;
        try (Connection conn = SqlCommand.openReadOnly(warehouse); PreparedStatement s = conn.prepareStatement(sql)) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reasons.add(rs.getString(1) + " " + rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            return List.of();   // the pointer still helps without the counts
        }
        return reasons;
    }
}
