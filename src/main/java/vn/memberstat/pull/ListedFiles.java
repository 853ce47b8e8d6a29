package vn.memberstat.pull;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.run.PulledFile;

/**
 * The inbox's files as the scanner finds them, kept in a temporary table of the warehouse instead of the
 * heap. The pipeline never deletes a file from the inbox, so after five national years it lists 3 million
 * files a night, a few thousand of them new: held as objects they outgrew the heap. Only the files that no
 * submission has with the same path, size and modified time come back, from {@link #forEachChanged}.
 * One thread of its own appends the batches (a DuckDB appender serves one thread), so the scanner's threads
 * go on listing meanwhile: appending under their lock doubled the listing of 3 million files (6 to 12 s).
 */
final class ListedFiles implements Consumer<InboxScanner.Found>, AutoCloseable {
    private static final int BATCH = 16_384;
    private static final List<InboxScanner.Found> END = List.of();
    private final Supplier<DuckDBConnection> connection;
    private final Path root;
    private final ZoneRules zone;
    /** A few batches in flight at most, so a slow disk under the warehouse cannot fill the heap with them. */
    private final BlockingQueue<List<InboxScanner.Found>> batches = new ArrayBlockingQueue<>(4);
    private List<InboxScanner.Found> pending = new ArrayList<>(BATCH);
    private Thread writer;
    private volatile RuntimeException failure;
    private boolean created;
    private long count;

    /** {@code connection} may wait for the warehouse to open: the first files are listed meanwhile. */
    ListedFiles(Supplier<DuckDBConnection> connection, Path root, ZoneId zone) {
        this.connection = connection;
        this.root = root;
        this.zone = zone.getRules();
    }

    @Override
    public void accept(InboxScanner.Found file) {
        List<InboxScanner.Found> full = null;
        synchronized (this) {
            pending.add(file);
            count++;
            if (pending.size() >= BATCH) {
                full = pending;
                pending = new ArrayList<>(BATCH);
                startWriter();
            }
        }
        if (full != null) {
            put(full);
        }
    }

    /** Files listed so far. */
    synchronized long count() {
        return count;
    }

    private void startWriter() {
        if (writer == null) {
            writer = new Thread(this::write, "listing");
            writer.setDaemon(true);
            writer.start();
        }
    }

    private void put(List<InboxScanner.Found> batch) {
        try {
            batches.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemberstatException(ErrorCode.RUN_FAILED, "interrupted while listing the inbox", e);
        }
    }

    /** The writer thread: batches until the end marker; after a failure it only drains, so no lister waits forever. */
    private void write() {
        try {
            DuckDBConnection c = connection.get();
            try (Statement s = c.createStatement()) {
                // modified_local: the local time in milliseconds, as dim_submission.modified_at has it; the instant
                // exactly, since normalise checks the file still has it; read_path only where it is not root/file_path
                s.execute("create or replace temp table inbox_listing (file_path varchar, size_bytes bigint, modified_local bigint, "
                        + "modified_seconds bigint, modified_nanos integer, read_path varchar, outside_target varchar)");
            }
            synchronized (this) {
                created = true;
            }
            try (DuckDBAppender appender = c.createAppender("temp", "main", "inbox_listing")) {
                for (List<InboxScanner.Found> batch = batches.take(); batch != END; batch = batches.take()) {
                    for (InboxScanner.Found f : batch) {
                        append(appender, f);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure = new MemberstatException(ErrorCode.STORAGE, "cannot record the inbox listing: " + e.getMessage(), e);
            drain();
        } catch (InterruptedException e) {
            failure = new MemberstatException(ErrorCode.RUN_FAILED, "interrupted while recording the inbox listing", e);
        }
    }

    private void drain() {
        try {
            while (batches.take() != END) {
                // dropped: the run fails with the first error
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void append(DuckDBAppender appender, InboxScanner.Found f) throws SQLException {
        Instant modified = f.modifiedAt();
        Path readFrom = PulledFile.readFrom(root, f.relativePath(), f.path());
        appender.beginRow();
        appender.append(f.relativePath());
        appender.append(f.sizeBytes());
        appender.append(modified.toEpochMilli() + zone.getOffset(modified).getTotalSeconds() * 1000L);
        appender.append(modified.getEpochSecond());
        appender.append(modified.getNano());
        appendText(appender, readFrom);
        appendText(appender, f.outsideTarget());
        appender.endRow();
    }

    private static void appendText(DuckDBAppender appender, Path path) throws SQLException {
        if (path == null) {
            appender.appendNull();
        } else {
            appender.append(path.toString());
        }
    }

    /** Ends the writer (the pending files first) and waits for it; its failure, if any, is thrown. */
    private void finish() {
        List<InboxScanner.Found> last;
        synchronized (this) {
            if (count == 0 && writer == null) {
                return;
            }
            startWriter();
            last = pending;
            pending = new ArrayList<>();
        }
        if (!last.isEmpty()) {
            put(last);
        }
        put(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MemberstatException(ErrorCode.RUN_FAILED, "interrupted while recording the inbox listing", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Hands the listed files that no submission has taken as they are now to {@code batch}, in path order and
     * {@code batchSize} at a time (a backlog of years is millions of them), and returns how many there were.
     * They wait in a temporary table meanwhile, so {@code batch} may use the warehouse's connection.
     */
    long forEachChanged(int batchSize, Consumer<List<InboxScanner.Found>> batch) {
        finish();
        if (count() == 0) {
            return 0;
        }
        DuckDBConnection c = connection.get();
        long changed;
        try (Statement s = c.createStatement()) {
            s.execute("""
                    create or replace temp table inbox_changed as
                    select row_number() over (order by l.file_path) as n, l.file_path, l.size_bytes, l.modified_seconds,
                           l.modified_nanos, l.read_path, l.outside_target
                    from inbox_listing l
                    anti join dim_submission d
                      on d.file_path = l.file_path and d.size_bytes = l.size_bytes
                     and epoch_ms(d.modified_at) = l.modified_local""");
            try (ResultSet rs = s.executeQuery("select count(*) from inbox_changed")) {
                rs.next();
                changed = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot look up dim_submission: " + e.getMessage(), e);
        }
        for (long from = 0; from < changed; from += batchSize) {
            batch.accept(changedBetween(c, from, from + batchSize));
        }
        return changed;
    }

    private List<InboxScanner.Found> changedBetween(DuckDBConnection c, long after, long upTo) {
        List<InboxScanner.Found> files = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("""
                select file_path, size_bytes, modified_seconds, modified_nanos, read_path, outside_target
                from inbox_changed where n > ? and n <= ? order by n""")) {
            p.setLong(1, after);
            p.setLong(2, upTo);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String relative = rs.getString(1);
                    String readPath = rs.getString(5);
                    String outside = rs.getString(6);
                    files.add(new InboxScanner.Found(readPath == null ? root.resolve(relative) : Path.of(readPath), relative,
                            rs.getLong(2), Instant.ofEpochSecond(rs.getLong(3), rs.getInt(4)),
                            outside == null ? null : Path.of(outside)));
                }
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read the inbox's changed files: " + e.getMessage(), e);
        }
        return files;
    }

    /** Drops the listing's tables; a writer still running (the scan failed) is ended first. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = writer;
        }
        if (running != null && running.isAlive()) {
            try {
                finish();
            } catch (MemberstatException e) {
                // the scan's own failure is the one to report
            }
        }
        boolean drop;
        synchronized (this) {
            drop = created;
        }
        if (drop) {
            try (Statement s = connection.get().createStatement()) {
                s.execute("drop table if exists inbox_listing");
                s.execute("drop table if exists inbox_changed");
            } catch (SQLException e) {
                throw new MemberstatException(ErrorCode.STORAGE, "cannot drop the inbox listing: " + e.getMessage(), e);
            }
        }
    }
}
