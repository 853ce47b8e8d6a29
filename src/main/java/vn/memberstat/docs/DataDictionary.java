package vn.memberstat.docs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the data dictionary shows, read from the warehouse itself: its tables and views with their comments
 * (grain first), their columns, the star schema's links and which view reads which table.
 */
public record DataDictionary(List<Relation> relations, List<Link> links) {

    public record Column(String name, String type, String comment) {}

    /** A table or view; {@code reads} the tables and views its SQL names (views only). */
    public record Relation(String name, boolean isView, String comment, List<Column> columns, List<String> reads) {}

    /** A fact's key column that points at a dimension. */
    public record Link(String fact, String column, String dimension) {}

    /** The columns through which facts reach the dimensions of the star schema. */
    private static final Map<String, String> DIMENSION_KEYS = Map.of(
            "unit_code", "dim_unit", "indicator_code", "dim_indicator", "category_code", "dim_category",
            "submission_id", "dim_submission", "term_code", "dim_term", "month", "dim_month", "run_id", "etl_run");

    public static DataDictionary read(Connection c) throws SQLException {
        Map<String, Relation> relations = new LinkedHashMap<>();
        Map<String, String> viewSql = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select table_name, false, comment, null from duckdb_tables() where schema_name = 'main' and not temporary
                    union all
                    select view_name, true, comment, sql from duckdb_views() where schema_name = 'main' and not internal and not temporary
                    order by 2, 1""")) {
                while (rs.next()) {
                    relations.put(rs.getString(1), new Relation(rs.getString(1), rs.getBoolean(2), rs.getString(3), new ArrayList<>(),
                            new ArrayList<>()));
                    if (rs.getBoolean(2)) {
                        viewSql.put(rs.getString(1), rs.getString(4));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select table_name, column_name, data_type, comment from duckdb_columns()
                    where database_name = current_database() and schema_name = 'main' and not internal order by table_name, column_index""")) {
                while (rs.next()) {
                    Relation r = relations.get(rs.getString(1));
                    if (r != null) {
                        r.columns().add(new Column(rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        viewSql.forEach((view, sql) -> relations.get(view).reads().addAll(namesIn(sql, view, relations.keySet())));
        return new DataDictionary(List.copyOf(relations.values()), links(relations.values()));
    }

    /** The tables and views whose names a view's SQL holds as whole words. */
    static List<String> namesIn(String sql, String self, Iterable<String> names) {
        List<String> found = new ArrayList<>();
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        for (String name : names) {
            if (!name.equals(self) && Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(lower).find()) {
                found.add(name);
            }
        }
        return found;
    }

    private static List<Link> links(Iterable<Relation> relations) {
        List<Link> links = new ArrayList<>();
        for (Relation r : relations) {
            if (!r.isView() && r.name().startsWith("fct_")) {
                for (Column column : r.columns()) {
                    String dimension = DIMENSION_KEYS.get(column.name());
                    if (dimension != null) {
                        links.add(new Link(r.name(), column.name(), dimension));
                    }
                }
            }
        }
        return links;
    }
}
