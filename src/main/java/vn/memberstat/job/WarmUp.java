package vn.memberstat.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.memberstat.run.LakeTables;
import vn.memberstat.parquet.ParquetRowWriter;

/**
 * Loads DuckDB's native library and the Parquet writer's classes on another core while Spring starts
 * on this one: both take about a second the first time they are used, and every run uses both.
 * Touches nothing of the home; a failure here only means the run pays that second itself.
 */
public final class WarmUp {
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    /**
     * Opened once Spring has configured logging. Parquet's classes log at debug level as they are first used; in the
     * moment Spring resets logging they found no appender, and logback's warning about it reached standard error
     * (about one run in twelve), which a cron job mails to its owner.
     */
    private static final CountDownLatch LOGGING_CONFIGURED = new CountDownLatch(1);

    private WarmUp() {}

    /** Called once Spring has configured logging (its application-prepared event). */
    public static void loggingConfigured() {
        LOGGING_CONFIGURED.countDown();
    }

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
            if (!LOGGING_CONFIGURED.await(30, TimeUnit.SECONDS)) {
                return;   // Spring is slow to start: the run loads the classes itself
            }
            file = Files.createTempFile("memberstat-warm-up", ".parquet");
            try (ParquetRowWriter writer = new ParquetRowWriter(file, LakeTables.QUARANTINE)) {
                writer.write(new Object[] {"s", "f", 1L, "raw", "MALFORMED_ROW", "d", null, null, null, null, null, null, null});
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
