package vn.memberstat.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * The warehouse the nightly run writes: {@code <home>/work/warehouse.duckdb}, opened by this process
 * alone (the run lock sees to that). Analysts never open it; they read the published copy. It is
 * created in a storage format DuckDB 1.2 and later read (DuckDB keeps a file's format), so publishing
 * is a plain copy of the file.
 */
public final class WorkingWarehouse implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkingWarehouse.class);
    public static final String CATALOG = "warehouse";
    /** The oldest storage format the warehouse is written in: DuckDB 1.2 and later, so 1.4 tools, open it. */
    public static final String STORAGE_VERSION = "v1.2.0";
    /** Where Flyway finds the warehouse's migrations. */
    public static final String MIGRATIONS = "classpath:warehouse-sql/migrations";
    private final Path file;
    private final String memoryLimit;
    private final WarehouseTemplate template;
    private DuckDBConnection connection;
    private FilePrefetch prefetch;

    public WorkingWarehouse(Path home, String memoryLimit) {
        this(home, memoryLimit, null);
    }

    /** {@code template}: a migrated empty warehouse a new one starts as (see {@link WarehouseTemplate}); null for none. */
    public WorkingWarehouse(Path home, String memoryLimit, Path template) {
        this.file = home.resolve("work").resolve(CATALOG + ".duckdb");
        this.memoryLimit = memoryLimit;
        this.template = template == null ? null : new WarehouseTemplate(template);
    }

    public Path file() {
        return file;
    }

    /**
     * Starts reading the working file into the page cache in the background, unless a read is still under
     * way (see {@link FilePrefetch}): called when a run turns to parsing files, which leaves the disk idle.
     */
    public synchronized void prefetch() {
        if (prefetch == null || !prefetch.running()) {
            prefetch = FilePrefetch.start(file);
        }
    }

    /** The open connection; migrates the schema with Flyway the first time. */
    public synchronized DuckDBConnection connection() {
        if (connection == null) {
            try {
                Files.createDirectories(file.getParent());
                long started = System.nanoTime();
                if (Files.exists(file)) {
                    WarehouseSchema.migrate(file);
                } else {
                    WarehouseSchema.create(file, template);
                }
                long migrated = System.nanoTime();
                connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                try (Statement s = connection.createStatement()) {
                    // DuckDB runs inside this JVM: its share of the process's memory is bounded, the rest spills
                    s.execute("set memory_limit = '" + memoryLimit.replace("'", "") + "'");
                    // no statement relies on the order rows were inserted in: inserts may run on every core
                    s.execute("set preserve_insertion_order = false");
                }
                // after the migrations, which drop the comments of the views they create again
                SchemaComments.apply(connection);
                LOG.info("warehouse: migrations checked in {} ms, comments in {} ms", (migrated - started) / 1_000_000,
                        (System.nanoTime() - migrated) / 1_000_000);
            } catch (IOException | SQLException e) {
                throw new MemberstatException(ErrorCode.STORAGE, "cannot open the working warehouse " + file + ": " + e.getMessage(), e);
            }
        }
        return connection;
    }

    /** Those of {@code hashes} that a submission already taken has. */
    public Set<String> knownHashes(List<String> hashes) {
        return matching(hashes, "sha256 varchar", (appender, h) -> appender.append(h),
                "select distinct sha256 from listed join dim_submission using (sha256)");
    }

    private interface RowFiller<T> {
        void fill(DuckDBAppender appender, T item) throws SQLException;
    }

    /**
     * Appends {@code items} to a temporary table {@code listed} and returns the first column of {@code query}:
     * a set-based look-up for a list too long to keep the warehouse's side of it in memory.
     */
    private <T> Set<String> matching(List<T> items, String columns, RowFiller<T> filler, String query) {
        Set<String> found = new HashSet<>();
        if (items.isEmpty()) {
            return found;
        }
        DuckDBConnection c = connection();
        try (Statement s = c.createStatement()) {
            s.execute("create or replace temp table listed (" + columns + ")");
            try (DuckDBAppender appender = c.createAppender("temp", "main", "listed")) {
                for (T item : items) {
                    appender.beginRow();
                    filler.fill(appender, item);
                    appender.endRow();
                }
            }
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            s.execute("drop table listed");
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot look up dim_submission: " + e.getMessage(), e);
        }
        return found;
    }

    /** True when {@code column} of the run's etl_run row is set: the step already committed. */
    public boolean runMarked(String runId, String column) {
        try (PreparedStatement s = connection().prepareStatement("select " + column + " from etl_run where run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read etl_run: " + e.getMessage(), e);
        }
    }

    /** Sets {@code column} of the run's etl_run row to now, with {@code alsoSql} in the same transaction: the step committed. */
    public void markRun(String runId, String column, String... alsoSql) {
        inTransaction(runId, c -> {
            try (var s = c.createStatement()) {
                s.execute("update etl_run set " + column + " = now() where run_id = getvariable('run_id')");
                for (String sql : alsoSql) {
                    s.execute(sql);
                }
            }
        });
    }

    /** Runs {@code work} in one transaction, with the DuckDB variable run_id set. */
    public void inTransaction(String runId, SqlWork work) {
        try (Transaction t = begin(runId)) {
            t.run(work);
            t.commit();
        }
    }

    /** Opens a transaction with the DuckDB variable run_id set; closed without {@link Transaction#commit()} it rolls back. */
    public Transaction begin(String runId) {
        Transaction t = new Transaction(connection());
        t.run(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("set variable run_id = ?")) {
                set.setString(1, runId);
                set.execute();
            }
        });
        return t;
    }

    /** One transaction on the working warehouse: work in it, then commit, or close to roll back. */
    public static final class Transaction implements AutoCloseable {
        private final Connection c;
        private boolean open = true;

        private Transaction(Connection c) {
            this.c = c;
        }

        /** Runs {@code work} in the transaction; a failure rolls it back and is reported as the warehouse's. */
        public void run(SqlWork work) {
            try {
                work.run(c);
            } catch (SQLException | RuntimeException e) {
                throw failed(e);
            }
        }

        public void commit() {
            long committing = System.nanoTime();
            try {
                c.commit();
            } catch (SQLException | RuntimeException e) {
                throw failed(e);
            }
            LOG.info("commit in {} ms", (System.nanoTime() - committing) / 1_000_000);
            end();
        }

        private MemberstatException failed(Exception e) {
            if (open) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                end();
            }
            if (e instanceof MemberstatException me) {
                return me;
            }
            return new MemberstatException(ErrorCode.STORAGE, "warehouse transaction failed: " + e.getMessage(), e);
        }

        private void end() {
            open = false;
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed with the process
            }
        }

        /** Rolls back what was not committed. */
        @Override
        public void close() {
            if (open) {
                try {
                    c.rollback();
                } catch (SQLException e) {
                    LOG.warn("rollback failed: {}", e.toString());
                }
                end();
            }
        }
    }

    @FunctionalInterface
    public interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    @Override
    public synchronized void close() {
        if (prefetch != null) {
            prefetch.close();
            prefetch = null;
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new MemberstatException(ErrorCode.STORAGE, "cannot close the working warehouse: " + e.getMessage(), e);
            } finally {
                connection = null;
            }
        }
    }
}
