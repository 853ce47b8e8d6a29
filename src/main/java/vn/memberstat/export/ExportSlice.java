package vn.memberstat.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;

/**
 * The part of the roll-up an export reads, computed once: TEMP tables of the export's own connection (the warehouse
 * is open read-only; DuckDB keeps TEMP tables in memory, spilling to its temporary folder) holding the year's units
 * under the chosen unit, their names, and their rows of v_summary_unit_rollup (or its restated twin). Each section
 * then runs its view's own definition, as the warehouse holds it, over these tables: the same numbers, without
 * rolling every figure up the hierarchy again for each of the ten sections.
 */
final class ExportSlice {
    private static final Pattern CREATE_VIEW = Pattern.compile("(?is)^\\s*create\\s+(or\\s+replace\\s+)?view\\s+\\S+\\s+as\\s+(.*?);?\\s*$");

    private final Connection connection;

    private ExportSlice(Connection connection) {
        this.connection = connection;
    }

    /** Fills export_ancestor, export_unit and export_rollup for the year, the chosen unit ('*': all units) and level. */
    static ExportSlice build(Connection connection, int year, String scope, int level, boolean restated) throws SQLException {
        String prefix = restated ? "v_summary_restated_" : "v_summary_";
        ExportSlice slice = new ExportSlice(connection);
        slice.create("export/slice_ancestor.sql", "v_summary_unit_ancestor", prefix + "unit_ancestor", year, scope);
        slice.create("export/slice_unit.sql", "v_summary_unit", prefix + "unit", year);
        slice.create("export/slice_rollup.sql", "v_summary_unit_rollup", prefix + "unit_rollup", year, scope, level);
        return slice;
    }

    /**
     * A query for a section's view: its definition with the roll-up and the unit names read from this slice, when it
     * reads the roll-up; else the view itself.
     */
    String source(String view) throws SQLException {
        String definition;
        try (PreparedStatement s = connection.prepareStatement("select sql from duckdb_views() where view_name = ?")) {
            s.setString(1, view);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new MemberstatException(ErrorCode.USAGE, "this warehouse has no view " + view
                            + "; run 'memberstat nightly' with this version first");
                }
                definition = rs.getString(1);
            }
        }
        Matcher m = CREATE_VIEW.matcher(definition);
        if (!m.matches() || !definition.matches("(?s).*\\bv_summary_unit_rollup\\b.*")) {
            return view;
        }
        String body = m.group(2).replaceAll("\\bv_summary_unit_rollup\\b", "export_rollup")
                .replaceAll("\\bv_summary_unit\\b", "export_unit");
        return "(" + body + ") as " + view;
    }

    private void create(String script, String view, String readFrom, Object... parameters) throws SQLException {
        String sql = SqlScript.of(script).query().replaceAll("\\b" + view + "\\b", readFrom);
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }
}
