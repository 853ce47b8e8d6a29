package vn.memberstat.export;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;

/**
 * The export's reading of the published warehouse, through its views only: the chosen unit and level, the date of the
 * data, and each section's rows. Usage errors (an unknown unit, a level not below it, a year without data) are
 * raised here, before any file is written.
 */
public final class ExportSource {
    /** The views {@code --restated} reads: today's units and the roll-ups restated to them. */
    static final List<String> RESTATED_VIEWS = List.of("v_summary_restated_unit", "v_summary_restated_unit_ancestor",
            "v_summary_restated_unit_rollup", "v_yearly_admissions_restated");

    private final Connection connection;
    private final ExportRequest request;
    private final String scope;   // the chosen unit, or '*' for all units
    private final String unitName;
    private final int level;
    private final ExportSlice slice;

    public ExportSource(Connection connection, ExportRequest request) throws SQLException {
        this.connection = connection;
        this.request = request;
        this.scope = request.unit() == null ? "*" : request.unit();
        if (request.restated()) {
            List<String> missing = new ArrayList<>();
            for (String view : RESTATED_VIEWS) {
                if (!exists("select 1 from duckdb_views() where view_name = ?", view)) {
                    missing.add(view);
                }
            }
            if (!missing.isEmpty()) {
                throw new MemberstatException(ErrorCode.USAGE, "--restated needs the restated views, and this warehouse has no "
                        + String.join(", ", missing) + "; run 'memberstat nightly' with this version first");
            }
        }
        if (!exists("select 1 from fct_value where year = ? limit 1", request.year())) {
            throw new MemberstatException(ErrorCode.NO_DATA, "the warehouse holds no figure for " + request.year());
        }
        int unitLevel = 0;
        String name = null;
        if (request.unit() != null) {
            Object[] unit = first("select level, unit_name from " + (request.restated() ? "v_summary_restated_unit" : "v_summary_unit")
                    + " where year = ? and unit_code = ?", request.year(), scope);
            if (unit == null) {
                throw new MemberstatException(ErrorCode.USAGE, "--unit " + scope + ": no such unit "
                        + (request.restated() ? "today" : "in " + request.year()));
            }
            unitLevel = ((Number) unit[0]).intValue();
            name = (String) unit[1];
        }
        this.unitName = name;
        this.level = request.level() == null ? unitLevel + 1 : request.level();
        if (level <= unitLevel || level > 4) {
            throw new MemberstatException(ErrorCode.USAGE, "--level " + level + " must be below the unit's level ("
                    + unitLevel + ") and at most 4");
        }
        this.slice = ExportSlice.build(connection, request.year(), scope, level, request.restated());
    }

    public String scope() {
        return scope;
    }

    /** The chosen unit's name in the year, {@code null} for all units. */
    public String unitName() {
        return unitName;
    }

    public int level() {
        return level;
    }

    /** The last run date that loaded data: the date of the data. */
    public LocalDate dataDate() throws SQLException {
        Object[] row = first("select data_date from v_summary_data_date");
        return row == null || row[0] == null ? null : row[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[0];
    }

    public SectionTable read(Section section) throws SQLException {
        String view = request.restated() ? section.restatedView() : section.view();
        boolean asItWas = view == null;   // a section a restated export shows as it was
        String sql = SqlScript.of("export/section.sql").query()
                .replace("export_ancestor", asItWas ? "v_summary_unit_ancestor" : "export_ancestor")
                .replace("v_yearly_section", asItWas ? section.view() : slice.source(view))
                .replace("row_key", String.join(", ", concat("unit_code", section.rowKey())));
        List<Column> columns = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> totals = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            Object[] parameters = {request.year(), scope, request.year(), scope, level, scope};
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Integer> kept = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnLabel(i);
                    if (!name.equals("level") && !name.equals("year")) {   // the title says them
                        kept.add(i);
                        columns.add(Column.of(name, meta.getColumnType(i) == Types.VARCHAR));
                    }
                }
                int unitColumn = kept.indexOf(rs.findColumn("unit_code"));
                while (rs.next()) {
                    Object[] row = new Object[kept.size()];
                    for (int i = 0; i < row.length; i++) {
                        Object value = rs.getObject(kept.get(i));
                        row[i] = value instanceof BigDecimal d ? d.doubleValue() : value;
                    }
                    (scope.equals(row[unitColumn]) ? totals : rows).add(row);
                }
            }
        }
        return new SectionTable(section, columns, rows, totals);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private boolean exists(String sql, Object... parameters) throws SQLException {
        return first(sql, parameters) != null;
    }

    private Object[] first(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        }
    }
}
