package vn.memberstat.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;

/**
 * The checks of {@code warehouse-sql/checks/}, dbt-style: each file is one query that must return no rows, with its
 * severity in a header comment ({@code -- severity: error} or {@code warn}). An error-level check that returns rows
 * fails the run, naming the check and its first rows; a warning's rows become {@code WAREHOUSE_CHECK} findings.
 * A check's {@code -- reads:} line names its inputs ({@link #INPUTS}); within a run, a check none of whose inputs the
 * run changed is not run (check/run_changes.sql): it reads only what it read before, and found nothing new there.
 */
public final class WarehouseChecks {
    static final String RULE = "WAREHOUSE_CHECK";
    private static final int SHOWN_ROWS = 5;
    private static final int MAX_FINDINGS = 1000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WarehouseChecks.class);

    private WarehouseChecks() {}

    public enum Severity { ERROR, WARN }

    /** What a check may name on its {@code -- reads:} line; each is a variable {@code changed_<input>} of check/run_changes.sql. */
    static final Set<String> INPUTS = Set.of("values", "registry", "catalogue", "submissions", "findings");

    /** Runs every check in {@code c}; earlier WAREHOUSE_CHECK findings where the checks read again are replaced. */
    public static void run(Connection c, String runId) throws SQLException {
        SqlScript.of("check/warehouse_checks_clear.sql").execute(c);
        SqlScript.of("check/run_changes.sql").execute(c);
        Set<String> changed = changedInputs(c);
        for (SqlScript check : SqlScript.folder("checks")) {
            Set<String> reads = reads(check);
            if (reads != null && reads.stream().noneMatch(changed::contains)) {
                LOG.info("check: warehouse check {} not run: the run changed none of what it reads ({})", check.name(), reads);
                continue;
            }
            long started = System.nanoTime();
            runOne(c, runId, check);
            LOG.info("check: warehouse check {} in {} ms", check.name(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The inputs check/run_changes.sql found changed by the run. */
    static Set<String> changedInputs(Connection c) throws SQLException {
        Set<String> changed = new TreeSet<>();
        try (Statement s = c.createStatement()) {
            for (String input : INPUTS) {
                try (ResultSet rs = s.executeQuery("select getvariable('changed_" + input + "')")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        changed.add(input);
                    }
                }
            }
        }
        return changed;
    }

    /** The inputs a check's {@code -- reads:} line names; null without one (the check always runs). */
    static Set<String> reads(SqlScript check) {
        String line = header(check, "-- reads:");
        if (line == null) {
            return null;
        }
        Set<String> reads = new TreeSet<>();
        for (String input : line.split(",")) {
            String name = input.strip();
            if (!INPUTS.contains(name)) {
                throw new IllegalStateException(check.name() + ": reads '" + name + "', none of " + new TreeSet<>(INPUTS));
            }
            reads.add(name);
        }
        return reads;
    }

    /** The rest of the first header comment line starting with {@code prefix}, lower case; null if none. */
    private static String header(SqlScript check, String prefix) {
        for (String line : check.statements().get(0).lines().toList()) {
            String l = line.strip().toLowerCase(Locale.ROOT);
            if (l.startsWith(prefix)) {
                return l.substring(prefix.length()).strip();
            }
        }
        return null;
    }

    static void runOne(Connection c, String runId, SqlScript check) throws SQLException {
        String name = check.name().substring(check.name().lastIndexOf('/') + 1).replace(".sql", "");
        Severity severity = severity(check);
        int limit = severity == Severity.ERROR ? SHOWN_ROWS : MAX_FINDINGS;
        List<String> rows = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(limited(check.query(), limit))) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                String unit = null;
                String year = null;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i);
                    row.append(i > 1 ? ", " : "").append(column).append('=').append(rs.getString(i));
                    unit = column.equals("unit_code") ? rs.getString(i) : unit;
                    year = column.equals("year") ? rs.getString(i) : year;
                }
                rows.add(row.toString());
                keys.add(new String[] {unit, year});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        if (severity == Severity.ERROR) {
            throw new MemberstatException(ErrorCode.RUN_FAILED, "warehouse check " + name + " (error) failed; first rows: "
                    + String.join("; ", rows));
        }
        String sql = "insert into dq_finding_row values (?, '" + RULE + "', 'warning', ?, ?, null, null, null, ?)";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                insert.setString(1, runId);
                insert.setString(2, keys.get(i)[0] == null ? "" : keys.get(i)[0]);
                insert.setInt(3, keys.get(i)[1] == null ? 0 : Integer.parseInt(keys.get(i)[1]));
                insert.setString(4, name + ": " + rows.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String limited(String query, int limit) {
        String q = query.strip();
        q = q.endsWith(";") ? q.substring(0, q.length() - 1) : q;
        return "select * from (\n" + q + "\n) limit " + limit;
    }

    /** The severity a check's header comment names; a check without one is an error, the stricter reading. */
    static Severity severity(SqlScript check) {
        String value = header(check, "-- severity:");
        if (value == null) {
            return Severity.ERROR;
        }
        return switch (value) {
            case "error" -> Severity.ERROR;
            case "warn", "warning" -> Severity.WARN;
            default -> throw new IllegalStateException(check.name() + ": severity '" + value + "' is neither error nor warn");
        };
    }
}
