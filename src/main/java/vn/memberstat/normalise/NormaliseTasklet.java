package vn.memberstat.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.job.FaultInjector;
import vn.memberstat.job.MemberstatProperties;
import vn.memberstat.job.RunContext;
import vn.memberstat.job.RunNotes;
import vn.memberstat.job.Stage;
import vn.memberstat.lake.LakeTables;
import vn.memberstat.lake.LakeWriter;
import vn.memberstat.lake.ParquetRowWriter;
import vn.memberstat.pull.PullManifest;
import vn.memberstat.pull.PulledFile;
import vn.memberstat.read.Layout;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.read.SourceRow;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.warehouse.WorkingWarehouse;

/**
 * Read and normalise: registry files first (they decide which units exist), then the data files on
 * every core. Accepted values stream into the lake's temporary files, quarantined rows into the run's
 * quarantine file, and each file's counts into {@code submissions.csv}.
 */
public final class NormaliseTasklet implements Tasklet {
    /** Files from this size on are checked by several threads (a backfill); smaller ones by the thread reading them. */
    static final long SPLIT_BYTES = 4L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(NormaliseTasklet.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;
    private final Catalogue catalogue;
    private final FaultInjector faults;

    public NormaliseTasklet(MemberstatProperties properties, WorkingWarehouse warehouse, Catalogue catalogue, FaultInjector faults) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.catalogue = catalogue;
        this.faults = faults;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        RunContext run = RunContext.of(chunk, properties);
        List<PulledFile> pulled = new ArrayList<>(PullManifest.read(run.pulledManifest()));
        List<String> notes = new ArrayList<>(RunNotes.read(run.notes()));
        pulled.removeIf(f -> changedSincePull(f, notes));
        RunNotes.write(run.notes(), notes);
        pulled.sort(Comparator.comparing(PulledFile::modifiedAt).thenComparing(PulledFile::relativePath));
        LakeWriter.discard(run.lakeValues(), run.runId());
        // by the file's index in pulled: a year's inbox is 600,000 files, a map entry each would weigh
        FileOutcome[] outcomes = new FileOutcome[pulled.size()];
        @SuppressWarnings("unchecked")
        List<String>[] headers = new List[pulled.size()];
        long started = System.nanoTime();
        List<QuarantineRetry.Row> retries = QuarantineRetry.pending(warehouse.connection());
        long pending = System.nanoTime();
        try (ParquetRowWriter quarantine = new ParquetRowWriter(run.quarantine(), LakeTables.QUARANTINE)) {
            Consumer<Rejection> rejections = r -> {
                synchronized (quarantine) {
                    quarantine.write(LakeTables.quarantineRow(r));
                }
            };
            // no task object per file either
            Layout[] layouts = new Layout[pulled.size()];
            forEachIndex(pulled.size(), i -> {
                PulledFile f = pulled.get(i);
                if (f.refused()) {
                    outcomes[i] = FileOutcome.refused(f.submissionId(), null, f.refusal(), f.refusalDetail());
                    rejections.accept(Rejection.file(f.submissionId(), f.relativePath(), f.refusal(), f.refusalDetail()));
                } else {
                    layouts[i] = detect(i, f, outcomes, rejections, headers).orElse(null);
                }
            });
            long layoutsFound = System.nanoTime();
            Registry registry = normaliseRegistry(run, pulled, layouts, outcomes, rejections, retries);
            long registryRead = System.nanoTime();
            warehouse.prefetch();   // the warehouse is not read again until the load; parsing leaves the disk idle
            try {
                ValueNormaliser normaliser = new ValueNormaliser(catalogue, registry.units(), run.runDate());
                try (LakeWriter lake = new LakeWriter(run.lakeValues(), run.runId())) {
                    retryValues(retries, normaliser, lake);
                    normaliseData(pulled, layouts, normaliser, lake, outcomes, rejections);
                    faults.at(Stage.NORMALISE);
                }
                LOG.info("normalise: {} quarantined rows to retry ({} ms); layouts of {} files ({} ms); registry ({} ms); "
                        + "data files and lake ({} ms)", retries.size(), ms(pending - started), pulled.size(), ms(layoutsFound - pending),
                        ms(registryRead - layoutsFound), ms(System.nanoTime() - registryRead));
            } catch (RuntimeException | InterruptedException e) {
                registry.written().exceptionally(ignored -> null).join();   // the first failure is the one to report
                throw e;
            }
            await(registry.written());
        }
        writeSubmissions(run, pulled, outcomes, headers);
        long read = Arrays.stream(outcomes).mapToLong(FileOutcome::rowsRead).sum();
        contribution.getStepExecution().setReadCount(read);
        contribution.incrementWriteCount(Arrays.stream(outcomes).mapToLong(FileOutcome::rowsAccepted).sum());
        return RepeatStatus.FINISHED;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * A file that vanished or changed after the pull step listed it is left for a later run (a restart
     * may come days later): taking it now would record a hash its rows do not match.
     */
    private static boolean changedSincePull(PulledFile f, List<String> notes) {
        if (f.refused() && f.charset() == null) {
            return false; // refused unread (a link out of the inbox, a file too large): nothing to read now
        }
        try {
            if (Files.size(f.path()) == f.sizeBytes() && Files.getLastModifiedTime(f.path()).toInstant().equals(f.modifiedAt())) {
                return false;
            }
            notes.add("left " + f.relativePath() + " for a later run: it changed after it was pulled");
        } catch (IOException e) {
            notes.add("left " + f.relativePath() + " for a later run: it vanished after it was pulled");
        }
        return true;
    }

    private Optional<Layout> detect(int index, PulledFile f, FileOutcome[] outcomes, Consumer<Rejection> rejections,
            List<String>[] headers) throws IOException {
        // the pull step took the header line while hashing: a plain one needs no second open of the file,
        // and a national month has a handful of distinct ones among its 52,000 files
        PlainHeader plain = f.headerLine() == null ? null : plainHeaders.get(f.headerLine());
        if (plain == null && f.headerLine() != null) {
            plain = PlainHeader.of(f.headerLine());
            if (plainHeaders.size() < 10_000) {
                plainHeaders.put(f.headerLine(), plain);
            }
        }
        if (plain != null && plain.layout().isPresent()) {
            headers[index] = plain.recorded();
            return plain.layout();
        }
        try (SubmissionReader reader = open(f)) {
            List<String> header = reader.header();
            if (!header.isEmpty()) {
                headers[index] = List.of(reader.format().format(header.toArray()), reader.format().getDelimiterString());
            }
            Optional<Layout> layout = LayoutDetector.detect(header);
            if (layout.isEmpty()) {
                String detail = header.isEmpty() ? "the file has no header row"
                        : "header " + header + " matches none of the registry, long or report-form layouts";
                ReasonCode reason = header.isEmpty() ? ReasonCode.EMPTY_FILE : ReasonCode.UNKNOWN_LAYOUT;
                outcomes[index] = FileOutcome.refused(f.submissionId(), null, reason, detail);
                rejections.accept(Rejection.file(f.submissionId(), f.relativePath(), reason, detail));
            }
            return layout;
        }
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

    private Registry normaliseRegistry(RunContext run, List<PulledFile> pulled, Layout[] layouts, FileOutcome[] outcomes,
            Consumer<Rejection> rejections, List<QuarantineRetry.Row> retries) throws IOException {
        List<RegistryNormaliser.Candidate> candidates = new ArrayList<>();
        retries.stream().filter(r -> Layout.REGISTRY.code().equals(r.layout()))
                .map(QuarantineRetry::registryCandidate).forEach(candidates::add);
        Map<String, long[]> problems = new HashMap<>();
        int[] registryFiles = IntStream.range(0, layouts.length).filter(i -> layouts[i] == Layout.REGISTRY).toArray();
        for (int i : registryFiles) {
            PulledFile f = pulled.get(i);
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
                result.accepted().forEach(a -> writer.write(LakeTables.registryRow(a)));
            }
        });
        CsvTable.write(run.runDir().resolve(RETRIED_DUPLICATES), List.of("quarantine_key"),
                result.retriedDuplicates().stream().<List<?>>map(List::of).toList());
        Map<String, Long> rejected = new HashMap<>();
        result.rejections().forEach(r -> rejected.merge(r.submissionId(), 1L, Long::sum));
        for (int i : registryFiles) {
            PulledFile f = pulled.get(i);
            long[] counts = problems.get(f.submissionId());
            if (counts[0] == 0) {
                String detail = "the registry file has a header but no rows";
                outcomes[i] = FileOutcome.refused(f.submissionId(), Layout.REGISTRY.code(), ReasonCode.EMPTY_FILE, detail);
                rejections.accept(Rejection.file(f.submissionId(), f.relativePath(), ReasonCode.EMPTY_FILE, detail));
                continue;
            }
            outcomes[i] = new FileOutcome(f.submissionId(), Layout.REGISTRY.code(), counts[0],
                    result.acceptedBySubmission().getOrDefault(f.submissionId(), 0),
                    counts[1] + rejected.getOrDefault(f.submissionId(), 0L),
                    result.duplicatesBySubmission().getOrDefault(f.submissionId(), 0), null, null);
        }
        Map<String, UnitVersion> merged = new LinkedHashMap<>();
        existing.forEach(v -> merged.put(v.code() + "|" + v.validFrom(), v));
        result.accepted().forEach(a -> merged.put(a.version().code() + "|" + a.version().validFrom(), a.version()));
        return new Registry(new UnitRegistry(merged.values()), written);
    }

    /** Quarantined values whose cause is gone go to the lake, marked with their quarantine key. */
    private static void retryValues(List<QuarantineRetry.Row> retries, ValueNormaliser normaliser, LakeWriter lake) {
        List<NormalisedValue> passed = new ArrayList<>();
        for (QuarantineRetry.Row row : retries) {
            if (!Layout.REGISTRY.code().equals(row.layout())) {
                NormalisedValue v = QuarantineRetry.value(row, normaliser);
                if (v != null) {
                    passed.add(v);
                }
            }
        }
        lake.write(passed);
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

    private void normaliseData(List<PulledFile> pulled, Layout[] layouts, ValueNormaliser normaliser, LakeWriter lake,
            FileOutcome[] outcomes, Consumer<Rejection> rejections) throws InterruptedException {
        DataFileNormaliser files = new DataFileNormaliser(normaliser);
        // a large file is read by one thread and checked by these, so that it keeps every core busy
        ExecutorService helpers = Executors.newFixedThreadPool(properties.workerThreads());
        try {
            forEachIndex(pulled.size(), i -> {
                if (layouts[i] == null || layouts[i] == Layout.REGISTRY) {
                    return;
                }
                PulledFile f = pulled.get(i);
                try (SubmissionReader reader = open(f)) {
                    FileOutcome outcome = files.process(f.submissionId(), f.relativePath(), layouts[i], reader, lake::write,
                            rejections, f.sizeBytes() >= SPLIT_BYTES ? helpers : null);
                    if (outcome.refusal() != null) {
                        rejections.accept(Rejection.file(f.submissionId(), f.relativePath(), outcome.refusal(), outcome.refusalDetail()));
                    }
                    outcomes[i] = outcome;
                } catch (IOException io) {
                    throw new UncheckedIOException("cannot read " + f.path(), io);
                }
            });
        } finally {
            helpers.shutdownNow();
        }
    }

    /** Work on the file at one index of the pulled list. */
    private interface IndexWork {
        void run(int index) throws Exception;
    }

    /**
     * Runs {@code work} for every index below {@code count} on the worker threads, each taking the next index
     * in turn (files in the order pulled, as the threads free up). The first failure stops the others and is
     * rethrown.
     */
    private void forEachIndex(int count, IndexWork work) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(properties.workerThreads());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < properties.workerThreads(); t++) {
                workers.add(pool.submit(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            work.run(i);
                        }
                    } catch (Exception | Error e) {
                        next.set(count);
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                await(worker);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The task's result; its failure rethrown as it was, or with the file it concerns. */
    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new MemberstatException(ErrorCode.STORAGE, "reading a submission failed: " + cause, cause);
        }
    }

    private void writeSubmissions(RunContext run, List<PulledFile> pulled, FileOutcome[] outcomes, List<String>[] headers) {
        String pulledAt = LocalDateTime.now(properties.zone()).format(TIMESTAMP);
        Iterable<List<?>> rows = () -> IntStream.range(0, pulled.size()).<List<?>>mapToObj(i -> {
            PulledFile f = pulled.get(i);
            FileOutcome o = outcomes[i];
            if (o == null) {
                throw new IllegalStateException("no outcome for " + f.relativePath());
            }
            List<String> header = headers[i] == null ? Arrays.asList(null, null) : headers[i];
            return Arrays.asList(f.submissionId(), f.sha256(), f.relativePath(), f.sizeBytes(),
                    LocalDateTime.ofInstant(f.modifiedAt(), properties.zone()).format(TIMESTAMP), pulledAt,
                    o.layout(), o.refusal() == null ? null : o.refusal().name(), o.refusalDetail(),
                    o.rowsRead(), o.rowsAccepted(), o.rowsQuarantined(), o.rowsDuplicate(), header.get(0), header.get(1));
        }).iterator();
        CsvTable.write(run.submissions(), SUBMISSION_COLUMNS, rows);
    }

    public static final List<String> SUBMISSION_COLUMNS = List.of("submission_id", "sha256", "file_path", "size_bytes",
            "modified_at", "pulled_at", "layout", "refused_reason", "refused_detail", "rows_read", "rows_accepted",
            "rows_quarantined", "rows_duplicate", "header_line", "delimiter");
    public static final String RETRIED_DUPLICATES = "retried-duplicates.csv";
}
