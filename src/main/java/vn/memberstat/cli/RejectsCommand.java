package vn.memberstat.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.SpreadsheetText;
import vn.memberstat.duckdb.SqlScript;

/**
 * {@code rejects}: quarantined rows and refused files as CSV (UTF-8 with a byte-order mark, formula-safe) with the raw
 * line, filtered by run, reason and unit, so an operator can send them back to the unit. Unresolved rows only, unless --all.
 */
final class RejectsCommand {
    static final String USAGE = """
            usage: memberstat rejects [options]
            unresolved quarantined rows and refused files as CSV, with the raw line, to send back to units

              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
              --run ID                 one run's rows only (default every run)
              --reason CODE            one reason code only (default every reason)
              --unit CODE              the rows and refused files of one unit's own files (default every unit)
              --under CODE             the same for a unit and every unit below it
              --all                    resolved rows too (default unresolved only)
            """;

    /** UTF-8's byte-order mark, written as bytes: the output stream's own charset may be another. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final PrintStream out;

    RejectsCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        options.allow("home", "run", "reason", "unit", "under", "all");
        Path warehouse = options.home().resolve("warehouse.duckdb");
        if (!Files.exists(warehouse)) {
            throw new MemberstatException(ErrorCode.NO_WAREHOUSE, "no published warehouse at " + warehouse
                    + "; run 'memberstat nightly' first");
        }
        String reason = options.values().get("reason");
        if (reason != null) {
            try {
                ReasonCode.valueOf(reason);
            } catch (IllegalArgumentException e) {
                throw new MemberstatException(ErrorCode.USAGE, "--reason '" + reason + "' is not a reason code ("
                        + java.util.Arrays.toString(ReasonCode.values()) + ")");
            }
        }
        StringBuilder sql = new StringBuilder("""
                select run_id, file_path, line_number, reason_code, detail, unit_code, period, indicator, category,
                       value_text, is_resolved, raw_line, sheet, replaced_by
                from quarantine where true""");
        List<String> parameters = new ArrayList<>();
        if (options.values().containsKey("run")) {
            sql.append(" and run_id = ?");
            parameters.add(options.values().get("run"));
        }
        if (reason != null) {
            sql.append(" and reason_code = ?");
            parameters.add(reason);
        }
        String unit = options.values().get("unit");
        String under = options.values().get("under");
        if (unit != null && under != null) {
            throw new MemberstatException(ErrorCode.USAGE, "give --unit or --under, not both");
        }
        if (unit != null || under != null) {   // a unit's own files: every row it is sent back, whatever unit a row names
            sql.append(" and submission_id in (").append(SqlScript.of("rejects/unit_submissions.sql").query()).append(")");
            parameters.add(unit != null ? unit : under);
            parameters.add(Boolean.toString(under != null));
        }
        if (!"true".equals(options.values().get("all"))) {
            sql.append(" and not is_resolved");
        }
        sql.append(" order by run_id, file_path, line_number nulls first");
        try (Connection c = SqlCommand.openReadOnly(warehouse); PreparedStatement s = c.prepareStatement(sql.toString())) {
            if (options.values().containsKey("run")) {
                checkRunExists(c, options.values().get("run"));
            }
            for (int i = 0; i < parameters.size(); i++) {
                s.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                String[] header = new String[n];
                for (int i = 0; i < n; i++) {
                    header[i] = rs.getMetaData().getColumnLabel(i + 1);
                }
                out.write(BOM);   // the byte-order mark: Excel then reads the file as UTF-8 and shows Vietnamese
                CSVPrinter printer = ResultPrinter.csvPrinter(out, header);
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        Object value = rs.getObject(i);   // names, details and raw lines come from outside
                        printer.print(value instanceof String text ? SpreadsheetText.forCsv(text) : value);
                    }
                    printer.println();
                }
                printer.flush();
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read quarantine: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot print: " + e.getMessage(), e);
        }
        return 0;
    }

    /** A run id that names no run is a typo, not a run without rejects: say so, with the latest ids. */
    private static void checkRunExists(Connection c, String run) throws SQLException {
        List<String> runs = new ArrayList<>();   // one a night
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select run_id from etl_run order by run_id desc")) {
            while (rs.next()) {
                runs.add(rs.getString(1));
            }
        }
        if (!runs.contains(run)) {
            throw new MemberstatException(ErrorCode.USAGE, "--run '" + run + "' is no run of this warehouse"
                    + (runs.isEmpty() ? " (it has none)" : " (the latest: " + String.join(", ", runs.subList(0, Math.min(5, runs.size()))) + ")"));
        }
    }
}
