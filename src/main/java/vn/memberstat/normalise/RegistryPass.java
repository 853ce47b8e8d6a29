package vn.memberstat.normalise;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.parquet.ParquetRowWriter;
import vn.memberstat.read.Layout;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.read.SourceRow;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.run.LakeTables;
import vn.memberstat.run.PulledFile;
import vn.memberstat.run.Rejection;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.UnitVersion;

/**
 * The run's registry files and the quarantined registry rows to retry, checked against the warehouse's registry:
 * the units known after them, each file's outcome, and the accepted versions written to the run's registry file.
 */
final class RegistryPass {
    private final Catalogue catalogue;
    private final WorkingWarehouse warehouse;
    private final HeaderLayouts layouts;
    private final SubmissionOutcomes outcomes;
    private final Consumer<Rejection> rejections;

    RegistryPass(Catalogue catalogue, WorkingWarehouse warehouse, HeaderLayouts layouts, SubmissionOutcomes outcomes,
            Consumer<Rejection> rejections) {
        this.catalogue = catalogue;
        this.warehouse = warehouse;
        this.layouts = layouts;
        this.outcomes = outcomes;
        this.rejections = rejections;
    }

    /** The units known after this run's registry files, and the writing of their Parquet file, still under way. */
    record Result(UnitRegistry units, CompletableFuture<Void> written) {}

    Result normalise(RunContext run, List<RegistryFiles.Taken> registryFiles, List<QuarantineRetry.Row> retries)
            throws IOException {
        List<RegistryNormaliser.Candidate> candidates = new ArrayList<>();
        retries.stream().map(QuarantineRetry::registryCandidate).forEach(candidates::add);
        Map<String, long[]> problems = read(registryFiles, candidates);
        List<UnitVersion> existing = ExistingRegistry.read(warehouse.connection());
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
        recordOutcomes(registryFiles, problems, result);
        Map<String, UnitVersion> merged = new LinkedHashMap<>();
        existing.forEach(v -> merged.put(v.code() + "|" + v.validFrom(), v));
        result.accepted().forEach(a -> merged.put(a.version().code() + "|" + a.version().validFrom(), a.version()));
        return new Result(new UnitRegistry(merged.values()), written);
    }

    /**
     * The rows of the registry files, added to {@code candidates}; the records that cannot be split are quarantined.
     * By submission: the rows read, and of them the records quarantined.
     */
    private Map<String, long[]> read(List<RegistryFiles.Taken> registryFiles, List<RegistryNormaliser.Candidate> candidates)
            throws IOException {
        Map<String, long[]> problems = new HashMap<>();
        for (RegistryFiles.Taken registryFile : registryFiles) {
            PulledFile f = registryFile.file();
            long[] counts = problems.computeIfAbsent(f.submissionId(), k -> new long[2]);
            try (SubmissionReader reader = layouts.open(f)) {
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
        return problems;
    }

    /** Each registry file's outcome: refused when it has no rows. */
    private void recordOutcomes(List<RegistryFiles.Taken> registryFiles, Map<String, long[]> problems, RegistryNormaliser.Result result) {
        Map<String, Long> rejected = new HashMap<>();
        result.rejections().forEach(r -> rejected.merge(r.submissionId(), 1L, Long::sum));
        for (RegistryFiles.Taken registryFile : registryFiles) {
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
    }
}
