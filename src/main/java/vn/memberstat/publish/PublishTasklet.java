package vn.memberstat.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;
import vn.memberstat.run.StageWork;
import vn.memberstat.run.Uncommitted;
import vn.memberstat.publish.BlockMirror.Manifest;
import vn.memberstat.duckdb.WorkingWarehouse;

/**
 * Publish: checkpoints the working warehouse, makes a copy of its file, and renames the copy over
 * {@code <home>/warehouse.duckdb}. An analyst holding the old file open keeps reading the old copy;
 * nobody ever sees a half-written one.
 *
 * <p>The copy replaced keeps a second name, {@code .warehouse.duckdb.spare}. The next run brings that
 * spare up to date, writing only the parts of the file that changed since it was published ({@link
 * BlockMirror}), and publishes it: two files take turns. The spare is written only if no process holds it
 * open (DuckDB locks every file it opens); otherwise, or when its checksums are missing, the run copies the
 * whole file into a new one.
 */
public final class PublishTasklet implements StageWork {
    public static final String PUBLISHED = "warehouse.duckdb";
    static final String SPARE = "." + PUBLISHED + ".spare";
    static final String PUBLISHING = "." + PUBLISHED + ".publishing";
    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);
    private final WorkingWarehouse warehouse;

    public PublishTasklet(WorkingWarehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public Stage stage() {
        return Stage.PUBLISH;
    }

    /** The working warehouse mirrored into the home's temporary copy; the commit puts it in place. */
    @Override
    public Uncommitted work(RunContext run, StepContribution contribution) throws IOException {
        Path home = run.home();
        Path target = home.resolve(PUBLISHED);
        Path spare = home.resolve(SPARE);
        Path temp = home.resolve(PUBLISHING);
        long started = System.nanoTime();
        try {
            try (Statement s = warehouse.connection().createStatement()) {
                s.execute("checkpoint");
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot checkpoint the working warehouse: " + e.getMessage(), e);
        }
        long checkpointed = System.nanoTime();
        FileChannel copy = null;
        try {
            Optional<Spare> reusable = reusableSpare(target, spare);
            copy = reusable.isPresent() ? reusable.get().channel() : newCopy(temp);
            Manifest previous = null;
            if (reusable.isPresent()) {
                previous = reusable.get().manifest();
                Files.deleteIfExists(manifestOf(spare));   // stale the moment its first unit is written
                Files.move(spare, temp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            BlockMirror.Result result = BlockMirror.mirror(warehouse.file(), copy, temp, previous);
            return new Mirrored(run, contribution, copy, result, reusable.isPresent(), checkpointed - started, checkpointed);
        } catch (IOException e) {
            closeQuietly(copy, e);
            throw failed(target, temp, e);
        } catch (RuntimeException | Error e) {
            closeQuietly(copy, e);
            throw e;
        }
    }

    /** A copy mirrored, not yet in place: the commit keeps the old one as the spare and renames the copy over it. */
    private final class Mirrored implements Uncommitted {
        private final RunContext run;
        private final StepContribution contribution;
        private final FileChannel copy;
        private final BlockMirror.Result result;
        private final boolean fromSpare;
        private final long checkpointNanos;
        private final long copyStarted;

        Mirrored(RunContext run, StepContribution contribution, FileChannel copy, BlockMirror.Result result, boolean fromSpare,
                long checkpointNanos, long copyStarted) {
            this.run = run;
            this.contribution = contribution;
            this.copy = copy;
            this.result = result;
            this.fromSpare = fromSpare;
            this.checkpointNanos = checkpointNanos;
            this.copyStarted = copyStarted;
        }

        @Override
        public void commit() {
            Path target = run.home().resolve(PUBLISHED);
            Path temp = run.home().resolve(PUBLISHING);
            try {
                keepAsSpare(target, run.home().resolve(SPARE));
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                writeManifest(result.manifest(), manifestOf(target));
                copy.close();
            } catch (IOException e) {
                closeQuietly(copy, e);
                throw failed(target, temp, e);
            }
            log.info("published {}: {} of {} bytes written ({}); checkpoint {} ms, copy {} ms", target, result.bytesWritten(),
                    result.manifest().size(), fromSpare ? "the spare brought up to date" : "a full copy",
                    checkpointNanos / 1_000_000, (System.nanoTime() - copyStarted) / 1_000_000);
            var job = contribution.getStepExecution().getJobExecution().getExecutionContext();
            job.putLong("published_bytes", result.manifest().size());
            job.putLong("published_bytes_written", result.bytesWritten());
        }

        @Override
        public void close() throws IOException {
            copy.close();
        }
    }

    private static MemberstatException failed(Path target, Path temp, IOException e) {
        deleteQuietly(temp, e);
        return new MemberstatException(ErrorCode.HOME_UNWRITABLE, "cannot publish " + target + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(FileChannel channel, Throwable cause) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** The spare, open for writing and locked, with its checksums; empty if it is missing, stale, or held open by a reader. */
    private static Optional<Spare> reusableSpare(Path target, Path spare) throws IOException {
        if (!Files.isRegularFile(spare) || Files.exists(target) && Files.isSameFile(target, spare)) {
            return Optional.empty();
        }
        Optional<Manifest> manifest = Manifest.readFor(manifestOf(spare), spare);
        if (manifest.isEmpty()) {
            log.info("publish: the spare copy has no valid checksums; copying the whole warehouse");
            return Optional.empty();
        }
        FileChannel channel = FileChannel.open(spare, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;   // this process holds it already
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            log.info("publish: the spare copy is held open by another process; copying the whole warehouse");
            return Optional.empty();
        }
        return Optional.of(new Spare(channel, manifest.get()));   // the lock goes with the channel
    }

    private record Spare(FileChannel channel, Manifest manifest) {}

    private static FileChannel newCopy(Path temp) throws IOException {
        Files.deleteIfExists(temp);
        return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The file about to be replaced gets the spare's name (a hard link), with its checksums. */
    private static void keepAsSpare(Path target, Path spare) throws IOException {
        Files.deleteIfExists(manifestOf(spare));
        Files.deleteIfExists(spare);   // a reader holding it keeps its copy
        if (!Files.exists(target)) {
            return;
        }
        try {
            Files.createLink(spare, target);
        } catch (IOException | UnsupportedOperationException e) {
            log.info("publish: no spare copy kept ({}); every run copies the whole warehouse", e.toString());
            return;
        }
        if (Files.exists(manifestOf(target))) {
            Files.move(manifestOf(target), manifestOf(spare), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The published file is in place already: without its checksums the next run only copies in full. */
    private static void writeManifest(Manifest manifest, Path file) {
        try {
            manifest.write(file);
        } catch (IOException e) {
            log.warn("publish: cannot keep the checksums of the published copy ({}); the next run copies the whole warehouse", e.toString());
        }
    }

    static Path manifestOf(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling((name.startsWith(".") ? "" : ".") + name + ".blocks");
    }

    private static void deleteQuietly(Path temp, IOException cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
