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
import vn.memberstat.read.RowSource;
import vn.memberstat.read.SourceRow;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.read.WorkbookRefusal;
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
    private final Consumer<String> notes;

    RegistryPass(Catalogue catalogue, WorkingWarehouse warehouse, HeaderLayouts layouts, SubmissionOutcomes outcomes,
            Consumer<Rejection> rejections, Consumer<String> notes) {
        this.catalogue = catalogue;
        this.warehouse = warehouse;
        this.layouts = layouts;
        this.outcomes = outcomes;
        this.rejections = rejections;
        this.notes = notes;
    }

    /**
     * The units known after this run's registry files, the writing of their Parquet file, still under way, and by
     * submission the registry sheets' counts of workbooks whose data sheets the data pass reads.
     */
    record Result(UnitRegistry units, CompletableFuture<Void> written, Map<String, FileOutcome> workbookParts) {}

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
        Map<String, FileOutcome> parts = recordOutcomes(registryFiles, problems, result);
        Map<String, UnitVersion> merged = new LinkedHashMap<>();
        existing.forEach(v -> merged.put(v.code() + "|" + v.validFrom(), v));
        result.accepted().forEach(a -> merged.put(a.version().code() + "|" + a.version().validFrom(), a.version()));
        return new Result(new UnitRegistry(merged.values()), written, parts);
    }

    /**
     * The rows of the registry files and of workbooks' registry sheets, added to {@code candidates}; the records that
     * cannot be split are quarantined. By submission: the rows read, and of them the records quarantined; a
     * workbook refused while opened has none (refused here when it holds only registry sheets, else by the data pass).
     */
    private Map<String, long[]> read(List<RegistryFiles.Taken> registryFiles, List<RegistryNormaliser.Candidate> candidates)
            throws IOException {
        Map<String, long[]> problems = new HashMap<>();
        for (RegistryFiles.Taken registryFile : registryFiles) {
            PulledFile f = registryFile.file();
            if (registryFile.workbook()) {
                try {
                    problems.put(f.submissionId(), RegistrySheets.read(registryFile, candidates, rejections, notes));
                } catch (WorkbookRefusal r) {
                    if (!registryFile.dataSheetsToo()) {
                        outcomes.refuse(f, null, r.reason(), r.detail(), null);
                    }
                }
                continue;
            }
            long[] counts = problems.computeIfAbsent(f.submissionId(), k -> new long[2]);
            try (SubmissionReader reader = layouts.open(f)) {
                readRows(f, reader, null, candidates, rejections, counts);
            }
        }
        return problems;
    }

    /** The rows of one registry table (a CSV file or a sheet) as candidates; counts[0] rows read, counts[1] quarantined. */
    static void readRows(PulledFile f, RowSource reader, String sheet, List<RegistryNormaliser.Candidate> candidates,
            Consumer<Rejection> rejections, long[] counts) {
        Map<String, Integer> columns = LayoutDetector.columnIndex(reader.header());
        SourceRow row;
        while ((row = reader.next()) != null) {
            if (row.problem() != null) {
                counts[0]++;
                counts[1]++;
                Rejection r = DataFileNormaliser.problem(f.submissionId(), f.relativePath(), row);
                rejections.accept(sheet == null ? r : r.inSheet(sheet));
            } else if (!row.isBlank()) {
                counts[0]++;
                candidates.add(new RegistryNormaliser.Candidate(f.submissionId(), f.relativePath(), row.lineNumber(),
                        row::raw, row.fields(), columns, null, sheet));
            }
        }
    }

    /**
     * Each registry file's outcome: refused when it has no rows. A workbook with data sheets too has its registry
     * sheets' counts returned instead, for the data pass to add to those of its data sheets.
     */
    private Map<String, FileOutcome> recordOutcomes(List<RegistryFiles.Taken> registryFiles, Map<String, long[]> problems,
            RegistryNormaliser.Result result) {
        Map<String, Long> rejected = new HashMap<>();
        result.rejections().forEach(r -> rejected.merge(r.submissionId(), 1L, Long::sum));
        Map<String, FileOutcome> parts = new HashMap<>();
        for (RegistryFiles.Taken registryFile : registryFiles) {
            PulledFile f = registryFile.file();
            long[] counts = problems.get(f.submissionId());
            if (counts == null) {
                continue;   // a workbook refused while opened
            }
            FileOutcome o = new FileOutcome(f.submissionId(), Layout.REGISTRY.code(), counts[0],
                    result.acceptedBySubmission().getOrDefault(f.submissionId(), 0),
                    counts[1] + rejected.getOrDefault(f.submissionId(), 0L),
                    result.duplicatesBySubmission().getOrDefault(f.submissionId(), 0), null, null);
            if (registryFile.dataSheetsToo()) {
                parts.put(f.submissionId(), o);
            } else if (counts[0] == 0) {
                String detail = registryFile.workbook() ? "the workbook's registry sheets have a header but no rows"
                        : "the registry file has a header but no rows";
                outcomes.refuse(f, Layout.REGISTRY.code(), ReasonCode.EMPTY_FILE, detail, registryFile.header());
            } else {
                outcomes.record(f, o, registryFile.header());
            }
        }
        return parts;
    }
}
