package vn.memberstat.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.HeaderNumbers;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.RunNotes;
import vn.memberstat.run.RetriedRows;
import vn.memberstat.run.Stage;
import vn.memberstat.run.StageWork;
import vn.memberstat.run.SubmissionsFile;
import vn.memberstat.run.Uncommitted;
import vn.memberstat.run.ValueLake;
import vn.memberstat.run.LakeTables;
import vn.memberstat.parquet.ParquetRowWriter;
import vn.memberstat.run.PullManifest;
import vn.memberstat.run.PulledFile;
import vn.memberstat.read.Layout;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.read.SourceRow;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.common.BoundedTasks;
import vn.memberstat.run.NormalisedValue;
import vn.memberstat.run.Rejection;
import vn.memberstat.run.UnitVersion;

/**
 * Read and normalise: registry files first (they decide which units exist), then the data files on
 * every core. Accepted values stream into the lake's temporary files, quarantined rows into the run's
 * quarantine file, and each file's counts into {@code submissions.csv}.
 */
public final class NormaliseTasklet implements StageWork {
    /** Files from this size on are checked by several threads (a backfill); smaller ones by the thread reading them. */
    static final long SPLIT_BYTES = 4L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(NormaliseTasklet.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;
    private final Catalogue catalogue;
    private final ValueLake valueLake;

    public NormaliseTasklet(MemberstatProperties properties, WorkingWarehouse warehouse, Catalogue catalogue, ValueLake valueLake) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.catalogue = catalogue;
        this.valueLake = valueLake;
    }

    @Override
    public Stage stage() {
        return Stage.NORMALISE;
    }

    @Override
    public Uncommitted work(RunContext run, StepContribution contribution) throws Exception {
        valueLake.discard(run);
        long started = System.nanoTime();
        List<QuarantineRetry.Row> registryRetries = QuarantineRetry.pendingRegistry(warehouse.connection());
        long pending = System.nanoTime();
        // notes.txt anew: the pull's notes, then this step's, in place when the step ends
        RunNotes notes = RunNotes.open(run.notes(), true);
        ParquetRowWriter quarantine = null;
        CsvTable.Writer submissions = null;
        try {
            quarantine = new ParquetRowWriter(run.quarantine(), LakeTables.QUARANTINE);
            submissions = CsvTable.writer(run.submissions(), SubmissionsFile.COLUMNS);
            ParquetRowWriter quarantineRows = quarantine;
            Consumer<Rejection> rejections = r -> {
                synchronized (quarantineRows) {
                    quarantineRows.write(LakeTables.quarantineRow(r));
                }
            };
            Outcomes outcomes = new Outcomes(submissions, rejections, LocalDateTime.now(properties.zone()).format(TIMESTAMP));
            RegistryFiles registryFiles = findRegistryFiles(run.pulledManifest(), notes, outcomes);
            long registryFound = System.nanoTime();
            Registry registry = normaliseRegistry(run, registryFiles.taken(), outcomes, rejections, registryRetries);
            long registryRead = System.nanoTime();
            warehouse.prefetch();   // the warehouse is not read again until the load; parsing leaves the disk idle
            try {
                ValueNormaliser normaliser = new ValueNormaliser(catalogue, registry.units(), run.runDate());
                long valueRetries;
                try (ValueLake.Writer lake = valueLake.open(run)) {
                    valueRetries = retryValues(run, normaliser, lake);
                    normaliseData(run.pulledManifest(), registryFiles.ids(), normaliser, lake, outcomes, rejections, notes);
                }
                LOG.info("normalise: {} quarantined registry rows to retry ({} ms); {} files, {} of them registry files ({} ms); "
                        + "registry ({} ms); {} quarantined values retried, data files and lake ({} ms)", registryRetries.size(),
                        ms(pending - started),
                        registryFiles.manifestFiles(), registryFiles.taken().size(), ms(registryFound - pending),
                        ms(registryRead - registryFound), valueRetries, ms(System.nanoTime() - registryRead));
            } catch (RuntimeException | InterruptedException e) {
                registry.written().exceptionally(ignored -> null).join();   // the first failure is the one to report
                throw e;
            }
            return new Pending(run, contribution, notes, quarantine, submissions, outcomes, registry, registryFiles.manifestFiles());
        } catch (Exception | Error e) {
            closeAll(e, submissions, quarantine, notes);
            throw e;
        }
    }

    /** The run's files written under temporary names: the commit checks every file is accounted for and renames them. */
    private static final class Pending implements Uncommitted {
        private final RunContext run;
        private final StepContribution contribution;
        private final RunNotes notes;
        private final ParquetRowWriter quarantine;
        private final CsvTable.Writer submissions;
        private final Outcomes outcomes;
        private final Registry registry;
        private final long manifestFiles;
        private boolean closed;

        Pending(RunContext run, StepContribution contribution, RunNotes notes, ParquetRowWriter quarantine,
                CsvTable.Writer submissions, Outcomes outcomes, Registry registry, long manifestFiles) {
            this.run = run;
            this.contribution = contribution;
            this.notes = notes;
            this.quarantine = quarantine;
            this.submissions = submissions;
            this.outcomes = outcomes;
            this.registry = registry;
            this.manifestFiles = manifestFiles;
        }

        @Override
        public void commit() throws InterruptedException {
            await(registry.written());
            outcomes.checkEveryFile(manifestFiles);
            outcomes.headers.writeFor(run.submissions());
            submissions.commit();
            notes.commit();
            close();
            contribution.getStepExecution().setReadCount(outcomes.rowsRead.sum());
            contribution.incrementWriteCount(outcomes.rowsAccepted.sum());
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                closeAll(null, submissions, quarantine, notes);
            }
        }
    }

    /** Closes each in turn, as try-with-resources would; the first failure is thrown, or added to {@code cause}. */
    private static void closeAll(Throwable cause, AutoCloseable... resources) {
        RuntimeException first = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else if (first == null) {
                    first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Each file's outcome, written to {@code submissions.csv} as it is known (nothing is kept per file: a backlog
     * of years is millions of files), and the counts the step reports.
     */
    private final class Outcomes {
        private final CsvTable.Writer submissions;
        private final Consumer<Rejection> rejections;
        private final String pulledAt;
        /** A report form's recorded header is 2,000 characters: written once, in submissions-headers.csv. */
        private final HeaderNumbers headers = new HeaderNumbers();
        private final LongAdder rowsRead = new LongAdder();
        private final LongAdder rowsAccepted = new LongAdder();
        private final LongAdder recorded = new LongAdder();
        /** Files left for a later run: they changed or vanished after the pull. */
        private final LongAdder left = new LongAdder();

        Outcomes(CsvTable.Writer submissions, Consumer<Rejection> rejections, String pulledAt) {
            this.submissions = submissions;
            this.rejections = rejections;
            this.pulledAt = pulledAt;
        }

        void record(PulledFile f, FileOutcome o, List<String> header) {
            List<String> h = header == null ? Arrays.asList(null, null) : header;
            String modifiedAt = LocalDateTime.ofInstant(f.modifiedAt(), properties.zone()).format(TIMESTAMP);
            synchronized (submissions) {
                Integer headerId = headers.idOf(h.get(0));
                submissions.row(Arrays.asList(f.submissionId(), f.sha256(), f.relativePath(), f.sizeBytes(), modifiedAt, pulledAt,
                        o.layout(), o.refusal() == null ? null : o.refusal().name(), o.refusalDetail(),
                        o.rowsRead(), o.rowsAccepted(), o.rowsQuarantined(), o.rowsDuplicate(),
                        headerId == null ? h.get(0) : null, h.get(1), headerId));
            }
            rowsRead.add(o.rowsRead());
            rowsAccepted.add(o.rowsAccepted());
            recorded.increment();
        }

        /** A file refused whole: its outcome, and the quarantine's row for the file that says why. */
        void refuse(PulledFile f, String layout, ReasonCode reason, String detail, List<String> header) {
            record(f, FileOutcome.refused(f.submissionId(), layout, reason, detail), header);
            rejections.accept(Rejection.file(f.submissionId(), f.relativePath(), reason, detail));
        }

        /** Every file of the manifest has an outcome or was left for a later run: none is lost between the steps. */
        void checkEveryFile(long manifestFiles) {
            if (recorded.sum() + left.sum() != manifestFiles) {
                throw new IllegalStateException("normalise accounted for " + recorded.sum() + " files taken and " + left.sum()
                        + " left for a later run, but the pull took " + manifestFiles);
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * A file that vanished or changed after the pull step listed it is left for a later run (a restart
     * may come days later): taking it now would record a hash its rows do not match.
     */
    private static boolean changedSincePull(PulledFile f, Consumer<String> notes) {
        if (f.refused() && f.charset() == null) {
            return false; // refused unread (a link out of the inbox, a file too large): nothing to read now
        }
        try {
            if (Files.size(f.path()) == f.sizeBytes() && Files.getLastModifiedTime(f.path()).toInstant().equals(f.modifiedAt())) {
                return false;
            }
            notes.accept(leftNote(f, "changed"));
        } catch (IOException e) {
            notes.accept(leftNote(f, "vanished"));
        }
        return true;
    }

    private static String leftNote(PulledFile f, String how) {
        return "left " + f.relativePath() + " for a later run: it " + how + " after it was pulled";
    }

    /** A file's layout and the header recorded for it; a file without one is refused with {@code reason}. */
    private record Detected(Optional<Layout> layout, List<String> header, ReasonCode reason, String detail) {}

    /** The layout of a file whose header line the pull took and had no quotes: no need to open it. */
    private Optional<Layout> plainLayout(PulledFile f) {
        return plainHeader(f).flatMap(PlainHeader::layout);
    }

    private Optional<PlainHeader> plainHeader(PulledFile f) {
        // a national month has a handful of distinct header lines among its 52,000 files
        if (f.headerLine() == null) {
            return Optional.empty();
        }
        PlainHeader plain = plainHeaders.get(f.headerLine());
        if (plain == null) {
            plain = PlainHeader.of(f.headerLine());
            if (plainHeaders.size() < 10_000) {
                plainHeaders.put(f.headerLine(), plain);
            }
        }
        return Optional.of(plain);
    }

    private Detected detect(PulledFile f) throws IOException {
        Optional<PlainHeader> plain = plainHeader(f);
        if (plain.isPresent() && plain.get().layout().isPresent()) {
            return new Detected(plain.get().layout(), plain.get().recorded(), null, null);
        }
        try (SubmissionReader reader = open(f)) {
            List<String> header = reader.header();
            List<String> recorded = header.isEmpty() ? null
                    : List.of(reader.format().format(header.toArray()), reader.format().getDelimiterString());
            Optional<Layout> layout = LayoutDetector.detect(header);
            if (layout.isPresent()) {
                return new Detected(layout, recorded, null, null);
            }
            return header.isEmpty() ? new Detected(layout, recorded, ReasonCode.EMPTY_FILE, "the file has no header row")
                    : new Detected(layout, recorded, ReasonCode.UNKNOWN_LAYOUT,
                            "header " + header + " matches none of the registry, long or report-form layouts");
        }
    }

    /** The run's registry files, in the order submitted, with the headers recorded for them. */
    private record RegistryFile(PulledFile file, List<String> header) {}

    /**
     * The registry files taken, the submission ids of every registry file (taken or left for a later run), and
     * how many files the manifest lists.
     */
    private record RegistryFiles(List<RegistryFile> taken, Set<String> ids, long manifestFiles) {}

    /** A first pass over the manifest: registry files decide which units exist, so they are read before any data file. */
    private RegistryFiles findRegistryFiles(Path manifest, Consumer<String> notes, Outcomes outcomes) {
        List<RegistryFile> taken = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long[] files = {0};
        PullManifest.forEach(manifest, f -> {
            files[0]++;
            if (f.refused()) {
                return;
            }
            Optional<Layout> plain = plainLayout(f);
            if (plain.isPresent() && plain.get() != Layout.REGISTRY) {
                return;
            }
            if (plain.isPresent()) {
                ids.add(f.submissionId());
                if (changedSincePull(f, notes)) {
                    outcomes.left.increment();
                    return;
                }
            } else if (changedSincePull(f, note -> { })) {
                return;   // not opened: the data pass notes it
            }
            try {
                Detected d = detect(f);   // a file the header line did not settle is opened
                if (d.layout().orElse(null) == Layout.REGISTRY) {
                    ids.add(f.submissionId());
                    taken.add(new RegistryFile(f, d.header()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f.path(), e);
            }
        });
        taken.sort(Comparator.comparing((RegistryFile r) -> r.file().modifiedAt()).thenComparing(r -> r.file().relativePath()));
        return new RegistryFiles(taken, ids, files[0]);
    }

    /** What a header line without quotes says: its layout, and the header and delimiter recorded for the file. */
    private record PlainHeader(Optional<Layout> layout, List<String> recorded) {
        static PlainHeader of(String line) {
            List<String> fields = SubmissionReader.headerOf(line);
            char delimiter = SubmissionReader.delimiterOf(line);
            return new PlainHeader(LayoutDetector.detect(fields), List.of(
                    SubmissionReader.format(delimiter).format(fields.toArray()),
                    String.valueOf(delimiter)));
        }
    }

    private final Map<String, PlainHeader> plainHeaders = new ConcurrentHashMap<>();

    private SubmissionReader open(PulledFile f) throws IOException {
        return new SubmissionReader(f.path(), Charset.forName(f.charset()), f.bomBytes(), properties.maxLineChars());
    }

    /** The units known after this run's registry files, and the writing of their Parquet file, still under way. */
    private record Registry(UnitRegistry units, CompletableFuture<Void> written) {}

    private Registry normaliseRegistry(RunContext run, List<RegistryFile> registryFiles, Outcomes outcomes,
            Consumer<Rejection> rejections, List<QuarantineRetry.Row> retries) throws IOException {
        List<RegistryNormaliser.Candidate> candidates = new ArrayList<>();
        retries.stream().map(QuarantineRetry::registryCandidate).forEach(candidates::add);
        Map<String, long[]> problems = new HashMap<>();
        for (RegistryFile registryFile : registryFiles) {
            PulledFile f = registryFile.file();
            long[] counts = problems.computeIfAbsent(f.submissionId(), k -> new long[2]);
            try (SubmissionReader reader = open(f)) {
                Map<String, Integer> columns = LayoutDetector.columnIndex(reader.header());
                SourceRow row;
                while ((row = reader.next()) != null) {
                    if (row.problem() != null) {
                        counts[0]++;
                        counts[1]++;
                        rejections.accept(DataFileNormaliser.problem(f.submissionId(), f.relativePath(), row));
                    } else if (!row.isBlank()) {
                        counts[0]++;
                        candidates.add(new RegistryNormaliser.Candidate(f.submissionId(), f.relativePath(), row.lineNumber(),
                                row::raw, row.fields(), columns, null));
                    }
                }
            }
        }
        List<UnitVersion> existing = existingRegistry();
        RegistryNormaliser.Result result = new RegistryNormaliser(catalogue).normalise(existing, candidates);
        result.rejections().forEach(rejections);
        // written while the data files are read: 96,000 registry rows take a core for a second or two
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try (ParquetRowWriter writer = new ParquetRowWriter(run.registry(), LakeTables.REGISTRY)) {
                result.accepted().forEach(a -> writer.write(LakeTables.registryRow(a.version(), a.submissionId(), a.lineNumber(), a.quarantineKey())));
            }
        });
        CsvTable.write(run.retriedDuplicates(), List.of("quarantine_key"),
                result.retriedDuplicates().stream().<List<?>>map(List::of).toList());
        Map<String, Long> rejected = new HashMap<>();
        result.rejections().forEach(r -> rejected.merge(r.submissionId(), 1L, Long::sum));
        for (RegistryFile registryFile : registryFiles) {
            PulledFile f = registryFile.file();
            long[] counts = problems.get(f.submissionId());
            if (counts[0] == 0) {
                String detail = "the registry file has a header but no rows";
                outcomes.refuse(f, Layout.REGISTRY.code(), ReasonCode.EMPTY_FILE, detail, registryFile.header());
                continue;
            }
            outcomes.record(f, new FileOutcome(f.submissionId(), Layout.REGISTRY.code(), counts[0],
                    result.acceptedBySubmission().getOrDefault(f.submissionId(), 0),
                    counts[1] + rejected.getOrDefault(f.submissionId(), 0L),
                    result.duplicatesBySubmission().getOrDefault(f.submissionId(), 0), null, null), registryFile.header());
        }
        Map<String, UnitVersion> merged = new LinkedHashMap<>();
        existing.forEach(v -> merged.put(v.code() + "|" + v.validFrom(), v));
        result.accepted().forEach(a -> merged.put(a.version().code() + "|" + a.version().validFrom(), a.version()));
        return new Registry(new UnitRegistry(merged.values()), written);
    }

    /**
     * Quarantined values whose cause is gone go to the lake, marked with their quarantine key; those kept out by
     * another cause now are listed in {@link #RETRIED_REASONS} for the load to record.
     */
    private long retryValues(RunContext run, ValueNormaliser normaliser, ValueLake.Writer lake) throws InterruptedException {
        ExecutorService helpers = Executors.newFixedThreadPool(properties.workerThreads());
        try (CsvTable.Writer newReasons = CsvTable.writer(run.retriedReasons(),
                RetriedRows.REASON_COLUMNS)) {
            RetryBatches batches = new RetryBatches(new BoundedTasks(helpers), normaliser, lake, r -> {
                synchronized (newReasons) {
                    newReasons.row(List.of(r.key(), r.reason().name(), r.detail()));
                }
            });
            long retried;
            try {
                retried = QuarantineRetry.forEachPendingValue(warehouse.connection(), run.runDir().resolve(RETRY_VALUES), batches);
                batches.flush();
            } finally {
                batches.tasks.awaitAll();
            }
            newReasons.commit();
            return retried;
        } finally {
            helpers.shutdownNow();
        }
    }

    /**
     * The quarantined values read back, handed to the helpers a batch at a time (a national month waiting for its
     * registry is 2 million of them): the reading thread only parses, the helpers check and write to the lake.
     */
    private static final class RetryBatches implements Consumer<QuarantineRetry.Row> {
        private static final int ROWS = 4096;
        private final BoundedTasks tasks;
        private final ValueNormaliser normaliser;
        private final ValueLake.Writer lake;
        private final Consumer<QuarantineRetry.NewReason> newReasons;
        private List<QuarantineRetry.Row> rows = new ArrayList<>(ROWS);

        RetryBatches(BoundedTasks tasks, ValueNormaliser normaliser, ValueLake.Writer lake, Consumer<QuarantineRetry.NewReason> newReasons) {
            this.tasks = tasks;
            this.normaliser = normaliser;
            this.lake = lake;
            this.newReasons = newReasons;
        }

        @Override
        public void accept(QuarantineRetry.Row row) {
            rows.add(row);
            if (rows.size() == ROWS) {
                flush();
            }
        }

        void flush() {
            List<QuarantineRetry.Row> batch = rows;
            rows = new ArrayList<>(ROWS);
            try {
                tasks.run(() -> {
                    List<NormalisedValue> passed = new ArrayList<>(batch.size());
                    for (QuarantineRetry.Row row : batch) {
                        NormalisedValue v = QuarantineRetry.value(row, normaliser, newReasons);
                        if (v != null) {
                            passed.add(v);
                        }
                    }
                    lake.write(passed);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while retrying quarantined values", e);
            }
        }
    }

    private List<UnitVersion> existingRegistry() {
        List<UnitVersion> versions = new ArrayList<>();
        String sql = "select unit_code, unit_name, parent_code, level, unit_type, valid_from, valid_to, successor_code "
                + "from registry_version order by unit_code, valid_from";
        try (Statement s = warehouse.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Date to = rs.getDate(7);
                versions.add(new UnitVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getDate(6).toLocalDate(), to == null ? null : to.toLocalDate(), rs.getString(8)));
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read registry_version: " + e.getMessage(), e);
        }
        return versions;
    }

    private void normaliseData(Path manifest, Set<String> registryIds, ValueNormaliser normaliser, ValueLake.Writer lake,
            Outcomes outcomes, Consumer<Rejection> rejections, Consumer<String> notes) throws InterruptedException {
        DataFileNormaliser files = new DataFileNormaliser(normaliser);
        // a large file is read by one thread and checked by these, so that it keeps every core busy
        ExecutorService helpers = Executors.newFixedThreadPool(properties.workerThreads());
        try {
            forEachPulled(manifest, f -> {
                if (registryIds.contains(f.submissionId())) {
                    return;   // taken, or left for later, by the registry pass
                }
                if (changedSincePull(f, notes)) {
                    outcomes.left.increment();
                    return;
                }
                if (f.refused()) {
                    outcomes.refuse(f, null, f.refusal(), f.refusalDetail(), null);
                    return;
                }
                Detected d = detect(f);
                if (d.layout().isEmpty()) {
                    outcomes.refuse(f, null, d.reason(), d.detail(), d.header());
                    return;
                }
                if (d.layout().get() == Layout.REGISTRY) {   // it was not one in the registry pass: changed since
                    notes.accept(leftNote(f, "changed"));
                    outcomes.left.increment();
                    return;
                }
                try (SubmissionReader reader = open(f)) {
                    FileOutcome outcome = files.process(f.submissionId(), f.relativePath(), d.layout().get(), reader, lake::write,
                            rejections, f.sizeBytes() >= SPLIT_BYTES ? helpers : null);
                    if (outcome.refusal() != null) {
                        rejections.accept(Rejection.file(f.submissionId(), f.relativePath(), outcome.refusal(), outcome.refusalDetail()));
                    }
                    outcomes.record(f, outcome, d.header());
                } catch (IOException io) {
                    throw new UncheckedIOException("cannot read " + f.path(), io);
                }
            });
        } finally {
            helpers.shutdownNow();
        }
    }

    /** Work on one pulled file. */
    private interface FileWork {
        void run(PulledFile file) throws Exception;
    }

    /** Marks the end of the manifest for one worker. */
    private static final PulledFile END = new PulledFile(Path.of("/"), "", null, 0, Instant.EPOCH, "0".repeat(64), null, 0,
            null, null, null);

    /**
     * Runs {@code work} for every file of the manifest on the worker threads, each taking the next file as it frees
     * up; the manifest is read as they go, never held whole. The first failure stops the others and is rethrown.
     */
    private void forEachPulled(Path manifest, FileWork work) throws InterruptedException {
        int threads = properties.workerThreads();
        BlockingQueue<PulledFile> queue = new ArrayBlockingQueue<>(64 * threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try {
                        for (PulledFile f = queue.take(); f != END; f = queue.take()) {
                            work.run(f);
                        }
                    } catch (Exception | Error e) {
                        failure.compareAndSet(null, e);
                        throw e;
                    }
                    return null;
                }));
            }
            boolean handed = hand(queue, failure, put -> {
                PullManifest.forEach(manifest, put);
                for (int t = 0; t < threads; t++) {
                    put.accept(END);
                }
            });
            if (!handed) {
                pool.shutdownNow();   // the others may wait for files that will not come
                throw rethrown(failure.get());
            }
            for (Future<?> worker : workers) {
                await(worker);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Thrown inside {@link #hand} when a worker has failed: the reading of the manifest stops. */
    private static final class WorkerFailed extends RuntimeException {
        WorkerFailed() {
            super(null, null, false, false);
        }
    }

    /** Feeds the queue through {@code producer}; false when a worker failed first. */
    private static boolean hand(BlockingQueue<PulledFile> queue, AtomicReference<Throwable> failure,
            Consumer<Consumer<PulledFile>> producer) throws InterruptedException {
        try {
            producer.accept(f -> {
                try {
                    while (!queue.offer(f, 50, TimeUnit.MILLISECONDS)) {
                        if (failure.get() != null) {
                            throw new WorkerFailed();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WorkerFailed();
                }
            });
            return true;
        } catch (WorkerFailed e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while reading the manifest");
            }
            return false;
        }
    }

    /** The task's result; its failure rethrown as it was, or with the file it concerns. */
    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** A worker's failure as it was thrown, or a storage error wrapping a checked one. */
    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new MemberstatException(ErrorCode.STORAGE, "reading a submission failed: " + cause, cause);
    }

    /** The quarantined values to retry, as DuckDB writes them for this step to read; deleted once read. */
    static final String RETRY_VALUES = "retry-values.csv.tmp";
}
