package vn.memberstat.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.memberstat.lake.LakeTables;
import vn.memberstat.lake.ParquetRowWriter;

/**
 * Loads DuckDB's native library and the Parquet writer's classes on another core while Spring starts
 * on this one: both take about a second the first time they are used, and every run uses both.
 * Touches nothing of the home; a failure here only means the run pays that second itself.
 */
public final class WarmUp {
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private WarmUp() {}

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread t = new Thread(WarmUp::run, "warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            c.createStatement().execute("select 1");
        } catch (SQLException | RuntimeException | LinkageError e) {
            log.debug("warm-up: DuckDB not loaded ahead", e);
        }
        Path file = null;
        try {
            file = Files.createTempFile("memberstat-warm-up", ".parquet");
            try (ParquetRowWriter writer = new ParquetRowWriter(file, LakeTables.QUARANTINE)) {
                writer.write(new Object[] {"s", "f", 1L, "raw", "MALFORMED_ROW", "d", null, null, null, null, null, null});
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            log.debug("warm-up: Parquet not loaded ahead", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans it
                }
            }
        }
    }
}
