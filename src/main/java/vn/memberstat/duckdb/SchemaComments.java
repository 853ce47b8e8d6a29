package vn.memberstat.duckdb;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * The warehouse's own documentation: a {@code COMMENT ON} for every table, view and column, in Vietnamese and English,
 * from {@code warehouse-sql/comments/tables.csv} (grain and meaning of each table and view) and {@code columns.csv}
 * (a column's meaning in one table, or under {@code *} wherever the name appears). Applied after every migration,
 * because {@code create or replace view} drops a view's comments; only the comments that differ are written, all in one
 * transaction: on a new warehouse that is some 280 comments, which one commit each kept the pull waiting seconds.
 */
public final class SchemaComments {
    private SchemaComments() {}

    public static void apply(Connection c) throws SQLException {
        Map<String, String> tables = read("tables.csv", r -> r.get("object"));
        Map<String, String> columns = read("columns.csv", r -> r.get("object") + "." + r.get("column"));
        Map<String, String> changes = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select table_name, comment, is_view from (
                        select table_name, comment, false as is_view from duckdb_tables() where schema_name = 'main' and not temporary
                        union all
                        select view_name, comment, true from duckdb_views() where schema_name = 'main' and not internal and not temporary)""")) {
                while (rs.next()) {
                    String wanted = tables.get(rs.getString(1));
                    if (wanted != null && !wanted.equals(rs.getString(2))) {
                        changes.put("comment on " + (rs.getBoolean(3) ? "view " : "table ") + rs.getString(1), wanted);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select table_name, column_name, comment from duckdb_columns()
                    where database_name = current_database() and schema_name = 'main' and not internal""")) {
                while (rs.next()) {
                    String wanted = columns.getOrDefault(rs.getString(1) + "." + rs.getString(2), columns.get("*." + rs.getString(2)));
                    if (wanted != null && !wanted.equals(rs.getString(3))) {
                        changes.put("comment on column " + rs.getString(1) + "." + rs.getString(2), wanted);
                    }
                }
            }
            execute(c, s, changes);
        }
    }

    private static void execute(Connection c, Statement s, Map<String, String> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Map.Entry<String, String> change : changes.entrySet()) {
                s.execute(change.getKey() + " is '" + change.getValue().replace("'", "''") + "'");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private interface Key {
        String of(CSVRecord r);
    }

    private static Map<String, String> read(String file, Key key) {
        ClassPathResource resource = new ClassPathResource("warehouse-sql/comments/" + file, SchemaComments.class.getClassLoader());
        try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            Map<String, String> comments = new HashMap<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                comments.put(key.of(r), r.get("comment"));
            }
            return comments;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read warehouse-sql/comments/" + file, e);
        }
    }
}
