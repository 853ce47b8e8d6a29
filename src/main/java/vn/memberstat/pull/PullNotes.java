package vn.memberstat.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.ScratchCsv;
import vn.memberstat.duckdb.SqlScript;

/**
 * The pull's notes on files it left alone (too fresh, vanished, a link refused, a copy of a file taken in this
 * run), in path order. They go to a scratch CSV as they come, from any thread, and DuckDB sorts them at the end:
 * an inbox of millions of files copied in just before a run is all too fresh to take, and its notes held in the
 * heap outgrew it. A copy's note names the file taken with its content, which DuckDB looks up in the manifest.
 */
final class PullNotes implements InboxScanner.Notes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PullNotes.class);
    private final Path scratch;
    private final Path sorted;
    private final CSVPrinter out;
    private long count;
    private long copies;
    private boolean closed;

    /** Scratch files go to {@code runDir}; they are deleted by {@link #close()}. */
    PullNotes(Path runDir) {
        // named .tmp, as the run directory's other files being written: a killed run leaves them for the restart
        scratch = runDir.resolve("pull-notes.csv.tmp");
        sorted = runDir.resolve("pull-notes-sorted.csv.tmp");
        try {
            Files.createDirectories(runDir);
            out = CSVFormat.RFC4180.builder().setHeader("n", "relative_path", "text", "same_as").get()
                    .print(Files.newBufferedWriter(scratch, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + scratch, e);
        }
    }

    @Override
    public synchronized void note(String relativePath, String text) {
        add(relativePath, text, null);
    }

    /** The file at {@code relativePath} has the content of the one taken as {@code submissionId} in this run. */
    synchronized void sameContent(String relativePath, String submissionId) {
        add(relativePath, null, submissionId);
        copies++;
    }

    private void add(String relativePath, String text, String sameAs) {
        try {
            out.printRecord(count++, relativePath, text, sameAs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + scratch, e);
        }
    }

    /** Notes so far. */
    synchronized long count() {
        return count;
    }

    /**
     * Hands every note to {@code notes} in path order (in the order noted for one path), a copy's naming the file
     * taken with its content as {@code manifest} lists it; returns how many there were.
     */
    synchronized long writeSorted(Connection c, Path manifest, Consumer<String> notes) {
        try {
            out.close();
            if (count == 0) {
                return 0;
            }
            // the manifest is read only where a copy needs it: it lists every file taken
            String taken = copies == 0 ? "(select null::varchar as submission_id, null::varchar as relative_path)"
                    : "(select submission_id, relative_path from read_csv(%s, header = true, all_varchar = true, delim = ',',"
                            .formatted(SqlScript.literal(manifest)) + " quote = '\"', escape = '\"'))";
            return ScratchCsv.forEach(c, """
                    select coalesce(n.text, 'skipped ' || n.relative_path || ': same content as '
                                            || coalesce(m.relative_path, 'submission ' || n.same_as) || ', taken once')
                    from read_csv(%s, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                                  columns = {'n': 'BIGINT', 'relative_path': 'VARCHAR', 'text': 'VARCHAR', 'same_as': 'VARCHAR'}) n
                    left join %s m on m.submission_id = n.same_as
                    order by n.relative_path, n.n""".formatted(SqlScript.literal(scratch), taken), sorted, r -> notes.accept(r.get(0)));
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot sort the pull's notes: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pull's notes back from " + sorted, e);
        }
    }

    /** Deletes the scratch files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            Files.deleteIfExists(scratch);
            Files.deleteIfExists(sorted);
        } catch (IOException e) {
            // the run's own failure, if any, is the one to report; a scratch file left behind is replaced next time
            LOG.warn("cannot delete the pull's scratch notes in {}: {}", scratch.getParent(), e.getMessage());
        }
    }
}
