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
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.FaultInjector;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;
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
public final class PublishTasklet implements Tasklet {
    public static final String PUBLISHED = "warehouse.duckdb";
    static final String SPARE = "." + PUBLISHED + ".spare";
    static final String PUBLISHING = "." + PUBLISHED + ".publishing";
    private static final Logger log = LoggerFactory.getLogger(PublishTasklet.class);
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;
    private final FaultInjector faults;

    public PublishTasklet(MemberstatProperties properties, WorkingWarehouse warehouse, FaultInjector faults) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.faults = faults;
    }

    /** How one publish went: the size of the warehouse and the bytes written. */
    public record Published(long bytes, long bytesWritten) {}

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunContext run = RunContext.of(chunk, properties);
        Published p = publish(run.home());
        var context = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        context.putLong("published_bytes", p.bytes());
        context.putLong("published_bytes_written", p.bytesWritten());
        return RepeatStatus.FINISHED;
    }

    public Published publish(Path home) {
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
        try {
            Optional<Spare> reusable = reusableSpare(target, spare);
            try (FileChannel copy = reusable.isPresent() ? reusable.get().channel() : newCopy(temp)) {
                Manifest previous = null;
                if (reusable.isPresent()) {
                    previous = reusable.get().manifest();
                    Files.deleteIfExists(manifestOf(spare));   // stale the moment its first unit is written
                    Files.move(spare, temp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                BlockMirror.Result result = BlockMirror.mirror(warehouse.file(), copy, temp, previous);
                faults.at(Stage.PUBLISH);
                keepAsSpare(target, spare);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                writeManifest(result.manifest(), manifestOf(target));
                log.info("published {}: {} of {} bytes written ({}); checkpoint {} ms, copy {} ms", target, result.bytesWritten(),
                        result.manifest().size(), reusable.isPresent() ? "the spare brought up to date" : "a full copy",
                        (checkpointed - started) / 1_000_000, (System.nanoTime() - checkpointed) / 1_000_000);
                return new Published(result.manifest().size(), result.bytesWritten());
            }
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, "cannot publish " + target + ": " + e.getMessage(), e);
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
