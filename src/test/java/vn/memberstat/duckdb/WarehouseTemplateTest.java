package vn.memberstat.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new warehouse starts as a copy of the template where there is one, and is then exactly what migrating from
 * nothing makes; a template that is missing, behind the migrations or no longer theirs is (re)written.
 */
final class WarehouseTemplateTest {
    /**
     * What a warehouse's schema is: its migrations applied, its tables, views and columns with their types and comments.
     * Not a view's text: DuckDB prints a view read back from the file with more parentheses than one it has just made.
     */
    private static final String SCHEMA = """
            select 'migration ' || coalesce(version, '') || ' ' || description || ' ' || checksum || ' ' || success
            from flyway_schema_history
            union all
            select 'table ' || table_name || ' ' || coalesce(comment, '') from duckdb_tables() where schema_name = 'main'
              and table_name <> 'flyway_schema_history'
            union all
            select 'view ' || view_name || ' ' || coalesce(comment, '') from duckdb_views() where schema_name = 'main' and not internal
            union all
            select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(comment, '')
            from duckdb_columns() where database_name = current_database() and schema_name = 'main'
              and table_name <> 'flyway_schema_history'
            order by 1""";

    @TempDir
    Path dir;

    @Test
    void theFirstNewWarehouseWritesTheTemplateAndTheNextStartsAsItsCopy() throws Exception {
        Path template = dir.resolve("app").resolve("warehouse-template.duckdb");
        List<String> migrated = schemaOfNew(dir.resolve("plain"), null);

        List<String> first = schemaOfNew(dir.resolve("first"), template);
        assertThat(first).isEqualTo(migrated);
        assertThat(template).isRegularFile();
        assertThat(Path.of(template + ".wal")).doesNotExist();
        assertThat(schema("jdbc:duckdb:" + template)).as("the template is a migrated, documented warehouse").isEqualTo(migrated);
        assertThat(migrated).anyMatch(line -> line.startsWith("column fct_value.unit_code VARCHAR Mã đơn vị (ổn định)"));

        mark(template);
        Path second = dir.resolve("second");
        assertThat(schemaOfNew(second, template)).as("a copy of the template, marked").contains("table template_marker ")
                .containsAll(migrated);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + template)) {
            assertThat(rows(c, "select count(*) from template_marker")).as("an up-to-date template is left as it was").containsExactly("0");
        }
    }

    @Test
    void aTemplateBehindTheMigrationsGetsTheRestAndIsWrittenAgain() throws Exception {
        Path template = dir.resolve("warehouse-template.duckdb");
        String url = "jdbc:duckdb:" + template;
        Flyway.configure().dataSource(url, null, null).driver("org.duckdb.DuckDBDriver")
                .locations(WorkingWarehouse.MIGRATIONS).schemas("main").target("5")
                .repeatableSqlMigrationPrefix("none of them").load().migrate();
        mark(template);
        List<String> migrated = schemaOfNew(dir.resolve("plain"), null);

        List<String> copied = schemaOfNew(dir.resolve("new"), template);

        assertThat(copied).as("its copy, with the later migrations applied").contains("table template_marker ").containsAll(migrated);
        assertThat(schema(url)).as("the template brought up to date").contains("table template_marker ").containsAll(migrated);
    }

    @Test
    void aTemplateTheMigrationsNoLongerValidateIsNotUsed() throws Exception {
        Path template = dir.resolve("warehouse-template.duckdb");
        schemaOfNew(dir.resolve("first"), template);
        mark(template);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + template); Statement s = c.createStatement()) {
            s.execute("update flyway_schema_history set checksum = checksum + 1 where version = '1'");   // as if V1 had changed
        }
        List<String> migrated = schemaOfNew(dir.resolve("plain"), null);

        assertThat(schemaOfNew(dir.resolve("new"), template)).as("migrated from nothing").isEqualTo(migrated);
        assertThat(schema("jdbc:duckdb:" + template)).as("and kept as the template in its place").isEqualTo(migrated);
    }

    /** The schema of a new warehouse in {@code home}, opened as a run opens it, then closed. */
    private static List<String> schemaOfNew(Path home, Path template) throws Exception {
        try (WorkingWarehouse warehouse = new WorkingWarehouse(home, "200MB", template)) {
            try (Statement s = warehouse.connection().createStatement()) {
                return rows(s.getConnection(), SCHEMA);
            }
        }
    }

    private static List<String> schema(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            return rows(c, SCHEMA);
        }
    }

    private static void mark(Path warehouse) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse); Statement s = c.createStatement()) {
            s.execute("create table template_marker (n integer)");
        }
    }

    private static List<String> rows(Connection c, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
