package vn.memberstat.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import vn.memberstat.common.LongSet;
import vn.memberstat.common.Progress;
import vn.memberstat.common.WorkerPool;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.StringPool;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.RunNotes;
import vn.memberstat.run.Stage;
import vn.memberstat.run.StageWork;
import vn.memberstat.run.Uncommitted;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.run.PullManifest;
import vn.memberstat.run.PulledFile;

/** Pull: lists the inbox and takes every file whose SHA-256 the warehouse has not seen, into the run's manifest. */
public final class PullTasklet implements StageWork {
    private static final Logger log = LoggerFactory.getLogger(PullTasklet.class);
    private static final WorkbookInspector WORKBOOKS = new WorkbookInspector();
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;

    public PullTasklet(MemberstatProperties properties, WorkingWarehouse warehouse) {
        this.properties = properties;
        this.warehouse = warehouse;
    }

    @Override
    public Stage stage() {
        return Stage.PULL;
    }

    @Override
    public Uncommitted work(RunContext run, StepContribution contribution) {
        try {
            Files.createDirectories(run.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + run.runDir(), e);
        }
        // the warehouse opens (and on first use migrates) while the inbox is listed
        long started = System.nanoTime();
        CompletableFuture<DuckDBConnection> opened = CompletableFuture.supplyAsync(warehouse::connection);
        Path root = InboxScanner.root(run.inbox());
        PullNotes pullNotes = new PullNotes(run.runDir());
        WorkerPool hashing = new WorkerPool(properties.hashingThreads());
        Taking taking = new Taking(root, pullNotes, hashing);
        try {
            taking.listing = new ListedFiles(() -> await(opened), root, properties.zone());
            taking.manifest = PullManifest.writer(run.pulledManifest());
            new InboxScanner().scan(root, Instant.now(), properties.settleSeconds(), taking.listing, pullNotes);
            long listed = System.nanoTime();
            await(opened);
            long open = System.nanoTime();
            long changed = taking.listing.forEachChanged(BATCH, batch -> taking.take(batch, hashing, taking.manifest));
            taking.unchanged = taking.listing.count() - changed;
            log.info("pull: {} files listed in {} ms (warehouse open {} ms later); {} unchanged by path, size and time; "
                    + "{} read and hashed ({} ms); {} known by content ({} ms); {} taken", taking.unchanged + changed,
                    ms(listed - started), ms(open - listed), taking.unchanged, taking.inspected, ms(taking.hashingNanos),
                    taking.known, ms(taking.lookupNanos), taking.pulled);
        } catch (RuntimeException | Error e) {
            taking.close();
            throw e;
        }
        return new Uncommitted() {
            @Override
            public void commit() {
                taking.manifest.commit();
                try (RunNotes notes = RunNotes.open(run.notes(), false)) {
                    pullNotes.writeSorted(await(opened), run.pulledManifest(), notes);
                    notes.commit();
                }
                contribution.getStepExecution().getExecutionContext().putInt("files_already_taken",
                        (int) (taking.unchanged + taking.known));
                contribution.getStepExecution().setReadCount((int) taking.pulled);
            }

            @Override
            public void close() {
                taking.close();
            }
        };
    }

    /** Files handed from the listing to the hashing at a time: enough to keep the disk busy, few enough to hold. */
    private static final int BATCH = 16_384;

    /**
     * What the pull takes, a batch of changed files at a time; nothing is kept per file beyond its 64-bit
     * submission id, so a backlog of millions of files takes no more heap than a night's few thousand.
     */
    private final class Taking {
        private final Path root;
        private final FileInspector inspector = new FileInspector();
        private final StringPool headerLines = new StringPool(10_000);
        private final LongSet taken = new LongSet();
        private final PullNotes notes;
        private final WorkerPool hashing;
        private ListedFiles listing;
        private PullManifest.Writer manifest;
        private long unchanged;
        private long inspected;
        private long known;
        private long pulled;
        private long hashingNanos;
        private long lookupNanos;

        Taking(Path root, PullNotes notes, WorkerPool hashing) {
            this.root = root;
            this.notes = notes;
            this.hashing = hashing;
        }

        /** The manifest (deleted unless committed), the listing, the hashing threads and the notes' scratch file. */
        void close() {
            try {
                if (manifest != null) {
                    manifest.close();
                }
                if (listing != null) {
                    listing.close();
                }
            } finally {
                hashing.close();
                notes.close();
            }
        }

        void take(List<InboxScanner.Found> batch, WorkerPool hashing, PullManifest.Writer manifest) {
            long start = System.nanoTime();
            List<Inspected> files = inspectAll(root, batch, notes, hashing, inspector, headerLines);
            long hashed = System.nanoTime();
            Set<String> knownHashes = warehouse.knownHashes(files.stream().map(Inspected::sha256).toList());
            hashingNanos += hashed - start;
            lookupNanos += System.nanoTime() - hashed;
            inspected += files.size();
            for (Inspected i : files) {
                if (knownHashes.contains(i.sha256())) {
                    known++;
                } else if (!taken.add(Long.parseUnsignedLong(i.pulled().submissionId(), 16))) {
                    notes.sameContent(i.found().relativePath(), i.pulled().submissionId());
                } else {
                    manifest.add(i.pulled());
                    pulled++;
                }
            }
            Progress.advance(files.size());
        }
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
    private List<Inspected> inspectAll(Path inbox, List<InboxScanner.Found> files, InboxScanner.Notes notes, WorkerPool pool,
            FileInspector inspector, StringPool headerLines) {
        List<Object> results;
        try {
            results = pool.map(files, f -> inspectOne(inspector, headerLines, inbox, f));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing the inbox's files", e);
        }
        List<Inspected> inspected = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof Inspected i) {
                inspected.add(i);
            } else {
                Skipped skipped = (Skipped) r;
                notes.note(skipped.relativePath(), skipped.text());
            }
        }
        return inspected;
    }

    /** A file left alone after it was listed, and why. */
    private record Skipped(String relativePath, String text) {}

    /** The inspected file, or why it was skipped. */
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
            InboxFileKind kind = InboxFileKind.of(found.relativePath().substring(found.relativePath().lastIndexOf('/') + 1));
            inspection = kind == InboxFileKind.CSV
                    ? inspector.inspect(found.path(), found.sizeBytes(), properties.maxFileBytes())
                    : WORKBOOKS.inspect(found.path(), found.sizeBytes(), properties.maxFileBytes(), kind);
        } catch (NoSuchFileException e) {
            return new Skipped(found.relativePath(), "skipped " + found.relativePath() + ": it vanished before it could be read");
        } catch (IOException e) {
            return new Skipped(found.relativePath(), "skipped " + found.relativePath() + ": cannot read it: " + e.getMessage());
        }
        return new Inspected(found, inspection.sha256(), new PulledFile(inbox, found.relativePath(),
                PulledFile.readFrom(inbox, found.relativePath(), found.path()), found.sizeBytes(),
                found.modifiedAt(), inspection.sha256(),
                inspection.charset() == null ? null : inspection.charset().name(), inspection.bomBytes(),
                inspection.refusal(), inspection.detail(), headerLines.of(inspection.headerLine())));
    }
}
