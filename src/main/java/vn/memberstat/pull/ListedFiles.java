package vn.memberstat.pull;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * The inbox's files as the scanner finds them, kept in a temporary table of the warehouse instead of the
 * heap. The pipeline never deletes a file from the inbox, so after five national years it lists 3 million
 * files a night, a few thousand of them new: held as objects they outgrew the heap. Only the files that no
 * submission has with the same path, size and modified time come back from {@link #changed()}.
 */
final class ListedFiles implements Consumer<InboxScanner.Found>, AutoCloseable {
    private static final int BATCH = 16_384;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private final Supplier<DuckDBConnection> connection;
    private final Path root;
    private final ZoneId zone;
    private final List<InboxScanner.Found> pending = new ArrayList<>(BATCH);
    private boolean created;
    private long count;

    /** {@code connection} may wait for the warehouse to open: the first files are listed meanwhile. */
    ListedFiles(Supplier<DuckDBConnection> connection, Path root, ZoneId zone) {
        this.connection = connection;
        this.root = root;
        this.zone = zone;
    }

    @Override
    public synchronized void accept(InboxScanner.Found file) {
        pending.add(file);
        count++;
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Files listed so far. */
    synchronized long count() {
        return count;
    }

    /** Appends the pending files; an appender of their own, since DuckDB's may serve one thread only. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        DuckDBConnection c = connection.get();
        try {
            if (!created) {
                try (Statement s = c.createStatement()) {
                    // modified_at as dim_submission compares it (local time, milliseconds); the instant exactly,
                    // since normalise checks the file still has it; read_path only where it is not root/file_path
                    s.execute("create or replace temp table listed (file_path varchar, size_bytes bigint, modified_at varchar, "
                            + "modified_seconds bigint, modified_nanos integer, read_path varchar, outside_target varchar)");
                }
                created = true;
            }
            try (DuckDBAppender appender = c.createAppender("temp", "main", "listed")) {
                for (InboxScanner.Found f : pending) {
                    Path readFrom = PulledFile.readFrom(root, f.relativePath(), f.path());
                    appender.beginRow();
                    appender.append(f.relativePath());
                    appender.append(f.sizeBytes());
                    appender.append(LocalDateTime.ofInstant(f.modifiedAt(), zone).format(LOCAL));
                    appender.append(f.modifiedAt().getEpochSecond());
                    appender.append(f.modifiedAt().getNano());
                    appendText(appender, readFrom);
                    appendText(appender, f.outsideTarget());
                    appender.endRow();
                }
            }
            pending.clear();
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot record the inbox listing: " + e.getMessage(), e);
        }
    }

    private static void appendText(DuckDBAppender appender, Path path) throws SQLException {
        if (path == null) {
            appender.appendNull();
        } else {
            appender.append(path.toString());
        }
    }

    /** The listed files no submission has taken as they are now, in path order. */
    synchronized List<InboxScanner.Found> changed() {
        List<InboxScanner.Found> changed = new ArrayList<>();
        if (count == 0) {
            return changed;
        }
        flush();
        try {
            try (Statement s = connection.get().createStatement();
                    ResultSet rs = s.executeQuery("""
                            select l.file_path, l.size_bytes, l.modified_seconds, l.modified_nanos, l.read_path, l.outside_target
                            from listed l
                            anti join dim_submission d
                              on d.file_path = l.file_path and d.size_bytes = l.size_bytes
                             and d.modified_at = cast(l.modified_at as timestamp)
                            order by l.file_path""")) {
                while (rs.next()) {
                    String relative = rs.getString(1);
                    String readPath = rs.getString(5);
                    String outside = rs.getString(6);
                    changed.add(new InboxScanner.Found(readPath == null ? root.resolve(relative) : Path.of(readPath), relative,
                            rs.getLong(2), Instant.ofEpochSecond(rs.getLong(3), rs.getInt(4)),
                            outside == null ? null : Path.of(outside)));
                }
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot look up dim_submission: " + e.getMessage(), e);
        }
        return changed;
    }

    @Override
    public synchronized void close() {
        try {
            if (created) {
                try (Statement s = connection.get().createStatement()) {
                    s.execute("drop table if exists listed");
                }
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot drop the inbox listing: " + e.getMessage(), e);
        }
    }
}
