package vn.memberstat.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.WorkerPool;
import vn.memberstat.read.Layout;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.read.WorkbookRefusal;
import vn.memberstat.read.XlsxSheetReader;
import vn.memberstat.read.XlsxWorkbook;
import vn.memberstat.run.NormalisedValue;
import vn.memberstat.run.PulledFile;
import vn.memberstat.run.Rejection;

/**
 * An {@code .xlsx} submission: every sheet whose first row is a data layout's header is read as that layout, with
 * the rules of a CSV; its registry sheets were read before by the registry pass ({@link RegistrySheets}), whose
 * counts are added to the workbook's; other sheets are skipped with a note. Every sheet is opened (and unpacked once, see
 * {@code XlsxMerges}) before any is read, so a workbook over POI's limits is refused before a row of it reaches the lake.
 */
final class WorkbookPass {
    private final DataFileNormaliser files;
    private final Consumer<List<NormalisedValue>> lake;
    private final SubmissionOutcomes outcomes;
    private final Consumer<Rejection> rejections;
    private final Consumer<String> notes;

    WorkbookPass(DataFileNormaliser files, Consumer<List<NormalisedValue>> lake, SubmissionOutcomes outcomes,
            Consumer<Rejection> rejections, Consumer<String> notes) {
        this.files = files;
        this.lake = lake;
        this.outcomes = outcomes;
        this.rejections = rejections;
        this.notes = notes;
    }

    /** A sheet with a data layout, opened and its header read. */
    private record DataSheet(XlsxSheetReader reader, Layout layout) {}

    /** {@code registryPart}: the counts of the workbook's registry sheets, when the registry pass read them. */
    void take(PulledFile f, WorkerPool helpers, FileOutcome registryPart) throws InterruptedException {
        try (XlsxWorkbook book = XlsxWorkbook.open(f.path())) {
            List<DataSheet> data = new ArrayList<>();
            List<String> others = new ArrayList<>();
            List<String> registryHeader = null;
            for (XlsxWorkbook.Sheet sheet : book.sheets()) {
                XlsxSheetReader reader = book.read(sheet);
                Optional<Layout> layout = LayoutDetector.detect(reader.header());
                if (layout.isPresent() && layout.get() != Layout.REGISTRY) {
                    data.add(new DataSheet(reader, layout.get()));
                } else if (layout.isPresent() && registryPart != null) {
                    registryHeader = registryHeader == null ? reader.header() : registryHeader;   // read already
                } else if (!reader.header().isEmpty()) {
                    others.add("'" + sheet.name() + "' " + reader.header());
                    notes.accept(layout.isPresent() ? "skipped sheet '" + sheet.name() + "' of " + f.relativePath()
                            + ": it changed since the registry was read; it is read on the next run" : skipped(f, sheet.name()));
                }
            }
            if (data.isEmpty() && registryPart != null) {   // its data sheets went since the registry pass: what was read counts
                outcomes.record(f, registryPart, RegistrySheets.recorded(registryHeader == null ? List.of() : registryHeader));
                return;
            }
            if (data.isEmpty()) {
                refuse(f, others.isEmpty() ? ReasonCode.EMPTY_FILE : ReasonCode.UNKNOWN_LAYOUT, others.isEmpty()
                        ? "no sheet of the workbook holds anything"
                        : "no sheet's first row is the header of the registry, long or report-form layout (sheets: "
                                + String.join("; ", others) + ")", null);
                return;
            }
            read(f, data, helpers, registryPart, registryHeader);
        } catch (WorkbookRefusal r) {
            refuse(f, r.reason(), r.detail(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        }
    }

    /** The data sheets read, their counts and those of the registry sheets added up, with the registry's header if any. */
    private void read(PulledFile f, List<DataSheet> data, WorkerPool helpers, FileOutcome registryPart,
            List<String> registryHeader) throws InterruptedException {
        FileOutcome none = new FileOutcome(f.submissionId(), null, 0, 0, 0, 0, null, null);
        FileOutcome registry = registryPart == null ? none : registryPart;
        long read = registry.rowsRead();
        long accepted = registry.rowsAccepted();
        long quarantined = registry.rowsQuarantined();
        for (DataSheet sheet : data) {
            FileOutcome o = files.process(f.submissionId(), f.relativePath(), sheet.layout(), sheet.reader(), lake,
                    rejections, helpers);
            if (o.refusal() != null) {
                notes.accept("sheet '" + sheet.reader().sheet() + "' of " + f.relativePath() + " has a header but no rows");
            }
            read += o.rowsRead();
            accepted += o.rowsAccepted();
            quarantined += o.rowsQuarantined();
        }
        DataSheet first = data.get(0);
        // a registry row retried later is read with the registry's header: the one recorded when there is one
        List<String> header = registryHeader != null ? RegistrySheets.recorded(registryHeader) : header(first);
        if (read == 0) {
            refuse(f, ReasonCode.EMPTY_FILE, "the workbook's sheets have a header but no rows", header);
            return;
        }
        outcomes.record(f, new FileOutcome(f.submissionId(), first.layout().code(), read, accepted, quarantined,
                registry.rowsDuplicate(), null, null), header);
    }

    /** The note on a sheet that is none of the layouts. */
    static String skipped(PulledFile f, String sheet) {
        return "skipped sheet '" + sheet + "' of " + f.relativePath()
                + ": its first row is not the header of the registry, long or report-form layout";
    }

    private void refuse(PulledFile f, ReasonCode reason, String detail, List<String> header) {
        outcomes.refuse(f, null, reason, detail, header);
    }

    /** The header recorded for the workbook: its first data sheet's, as a CSV line (no separator of its own). */
    private static List<String> header(DataSheet sheet) {
        return Arrays.asList(SubmissionReader.format(',').format(sheet.reader().header().toArray()), null);
    }
}
