package vn.memberstat.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.StringPool;
import vn.memberstat.job.FaultInjector;
import vn.memberstat.job.MemberstatProperties;
import vn.memberstat.job.RunContext;
import vn.memberstat.job.RunNotes;
import vn.memberstat.job.Stage;
import vn.memberstat.warehouse.WorkingWarehouse;

/** Pull: lists the inbox and takes every file whose SHA-256 the warehouse has not seen, into the run's manifest. */
public final class PullTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(PullTasklet.class);
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;
    private final FaultInjector faults;

    public PullTasklet(MemberstatProperties properties, WorkingWarehouse warehouse, FaultInjector faults) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.faults = faults;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunContext run = RunContext.of(chunk, properties);
        try {
            Files.createDirectories(run.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + run.runDir(), e);
        }
        // the warehouse opens (and on first use migrates) while the inbox is listed
        long started = System.nanoTime();
        CompletableFuture<DuckDBConnection> opened = CompletableFuture.supplyAsync(warehouse::connection);
        Path root = InboxScanner.root(run.inbox());
        List<String> notes;
        List<InboxScanner.Found> changed;
        long listed;
        long open;
        long listedFiles;
        try (ListedFiles listing = new ListedFiles(() -> await(opened), root, properties.zone())) {
            notes = new ArrayList<>(new InboxScanner().scan(root, Instant.now(), properties.settleSeconds(), listing));
            listed = System.nanoTime();
            await(opened);
            open = System.nanoTime();
            changed = listing.changed();
            listedFiles = listing.count();
        }
        int alreadyTaken = (int) (listedFiles - changed.size());
        long compared = System.nanoTime();
        List<Inspected> inspected = inspectAll(root, changed, notes);
        long hashed = System.nanoTime();
        Set<String> known = warehouse.knownHashes(inspected.stream().map(Inspected::sha256).toList());
        log.info("pull: {} files listed in {} ms (warehouse open {} ms later); {} unchanged by path, size and time ({} ms); "
                + "{} read and hashed ({} ms); {} known by content ({} ms)", listedFiles, ms(listed - started),
                ms(open - listed), alreadyTaken, ms(compared - open), inspected.size(), ms(hashed - compared), known.size(),
                ms(System.nanoTime() - hashed));
        Map<String, String> seen = new HashMap<>();
        List<PulledFile> pulled = new ArrayList<>();
        for (Inspected i : inspected) {
            InboxScanner.Found found = i.found();
            if (known.contains(i.sha256())) {
                alreadyTaken++;
                continue;
            }
            String first = seen.putIfAbsent(i.sha256(), found.relativePath());
            if (first != null) {
                notes.add("skipped " + found.relativePath() + ": same content as " + first + ", taken once");
                continue;
            }
            pulled.add(i.pulled());
        }
        faults.at(Stage.PULL);
        PullManifest.write(run.pulledManifest(), pulled);
        RunNotes.write(run.notes(), notes);
        chunk.getStepContext().getStepExecution().getExecutionContext().putInt("files_already_taken", alreadyTaken);
        contribution.getStepExecution().setReadCount(pulled.size());
        return RepeatStatus.FINISHED;
    }

    /** The warehouse's connection once open; its failure as it was thrown. */
    private static DuckDBConnection await(CompletableFuture<DuckDBConnection> opened) {
        try {
            return opened.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private record Inspected(InboxScanner.Found found, String sha256, PulledFile pulled) {}

    /** Hashes and checks the files on several threads, keeping their order; a file that vanished meanwhile gets a note. */
    private List<Inspected> inspectAll(Path inbox, List<InboxScanner.Found> files, List<String> notes) {
        FileInspector inspector = new FileInspector();
        StringPool headerLines = new StringPool(10_000);
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(properties.hashingThreads());
        try {
            List<Object> results = pool.submit(() -> files.parallelStream().map(f -> inspectOne(inspector, headerLines, inbox, f)).toList()).join();
            List<Inspected> inspected = new ArrayList<>();
            for (Object r : results) {
                if (r instanceof Inspected i) {
                    inspected.add(i);
                } else {
                    notes.add((String) r);
                }
            }
            return inspected;
        } finally {
            pool.shutdown();
        }
    }

    /** The inspected file, or the note saying why it was skipped. */
    private Object inspectOne(FileInspector inspector, StringPool headerLines, Path inbox, InboxScanner.Found found) {
        if (found.outsideTarget() != null) {
            // never read: identified by its path and target, so it is refused once, not every night
            String id = FileInspector.sha256Hex("symlink\0" + found.relativePath() + "\0" + found.outsideTarget());
            return new Inspected(found, id, new PulledFile(inbox, found.relativePath(),
                    PulledFile.readFrom(inbox, found.relativePath(), found.path()), 0, found.modifiedAt(), id, null, 0,
                    ReasonCode.OUTSIDE_INBOX,
                    "symbolic link to " + found.outsideTarget() + ", outside the inbox; not read", null));
        }
        FileInspector.Inspection inspection;
        try {
            inspection = inspector.inspect(found.path(), found.sizeBytes(), properties.maxFileBytes());
        } catch (NoSuchFileException e) {
            return "skipped " + found.relativePath() + ": it vanished before it could be read";
        } catch (IOException e) {
            return "skipped " + found.relativePath() + ": cannot read it: " + e.getMessage();
        }
        return new Inspected(found, inspection.sha256(), new PulledFile(inbox, found.relativePath(),
                PulledFile.readFrom(inbox, found.relativePath(), found.path()), found.sizeBytes(),
                found.modifiedAt(), inspection.sha256(),
                inspection.charset() == null ? null : inspection.charset().name(), inspection.bomBytes(),
                inspection.refusal(), inspection.detail(), headerLines.of(inspection.headerLine())));
    }
}
