package vn.memberstat.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The warehouse's schema on disk: a new file made, from the template where there is one, and Flyway's migrations. */
final class WarehouseSchema {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WarehouseSchema.class);

    private WarehouseSchema() {}

    private static void createEmpty(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("attach " + SqlScript.literal(file) + " as created (storage_version '"
                    + WorkingWarehouse.STORAGE_VERSION + "')");
            s.execute("detach created");
        }
    }

    /** A new warehouse at {@code file}: a copy of {@code template} (null for none), or an empty file; migrated either way. */
    static void create(Path file, WarehouseTemplate template) throws SQLException, IOException {
        if (template != null && template.copyTo(file)) {
            try {
                if (migrate(file) == 0) {
                    return;
                }
            } catch (FlywayException e) {
                // a template the migrations no longer validate (one of them changed): start from nothing
                LOG.warn("warehouse: the template for new warehouses does not fit the migrations ({}); migrating from nothing",
                        e.getMessage());
                Files.delete(file);
                createEmpty(file);
                migrate(file);
            }
        } else {
            createEmpty(file);
            migrate(file);
        }
        if (template != null) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
                SchemaComments.apply(c);   // documented too: a copy then writes no comment
            }   // closed, so all of it is in the file
            template.keep(file);
        }
    }

    /** Applies the pending migrations to the warehouse at {@code file}; returns how many ran. */
    static int migrate(Path file) {
        return Flyway.configure()
                .dataSource("jdbc:duckdb:" + file.toAbsolutePath(), null, null)
                .driver("org.duckdb.DuckDBDriver")
                .locations(WorkingWarehouse.MIGRATIONS)
                .schemas("main")
                // a view file split or renamed leaves its old name applied (R__quality_views): not an error
                .ignoreMigrationPatterns("*:future", "repeatable:missing")
                // every pending migration in one transaction: a new warehouse applies some 50 (the views one a file),
                // and a commit each kept the first night's pull waiting seconds
                .group(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
