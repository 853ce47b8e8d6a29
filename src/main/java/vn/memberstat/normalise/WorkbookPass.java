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
 * the rules of a CSV; other sheets are skipped with a note. Every sheet is opened (and unpacked once, see
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

    void take(PulledFile f, WorkerPool helpers) throws InterruptedException {
        List<XlsxSheetReader> opened = new ArrayList<>();
        try (XlsxWorkbook book = XlsxWorkbook.open(f.path())) {
            List<DataSheet> data = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (XlsxWorkbook.Sheet sheet : book.sheets()) {
                XlsxSheetReader reader = book.read(sheet);
                opened.add(reader);
                Optional<Layout> layout = LayoutDetector.detect(reader.header());
                if (layout.isPresent() && layout.get() != Layout.REGISTRY) {
                    data.add(new DataSheet(reader, layout.get()));
                } else if (!reader.header().isEmpty()) {
                    others.add("'" + sheet.name() + "' " + reader.header());
                    notes.accept("skipped sheet '" + sheet.name() + "' of " + f.relativePath() + ": " + (layout.isPresent()
                            ? "the unit registry is taken from CSV files only; send it as CSV UTF-8"
                            : "its first row is not the header of the long or report-form layout"));
                }
            }
            if (data.isEmpty()) {
                refuse(f, others.isEmpty() ? ReasonCode.EMPTY_FILE : ReasonCode.UNKNOWN_LAYOUT, others.isEmpty()
                        ? "no sheet of the workbook holds anything"
                        : "no sheet's first row is the header of the long or report-form layout (sheets: "
                                + String.join("; ", others) + ")", null);
                return;
            }
            read(f, data, helpers);
        } catch (WorkbookRefusal r) {
            refuse(f, r.reason(), r.detail(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        } finally {
            closeAll(opened);
        }
    }

    private void read(PulledFile f, List<DataSheet> data, WorkerPool helpers) throws InterruptedException {
        long read = 0;
        long accepted = 0;
        long quarantined = 0;
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
        List<String> header = header(first);
        if (read == 0) {
            refuse(f, ReasonCode.EMPTY_FILE, "the workbook's sheets have a header but no rows", header);
            return;
        }
        outcomes.record(f, new FileOutcome(f.submissionId(), first.layout().code(), read, accepted, quarantined, 0,
                null, null), header);
    }

    private void refuse(PulledFile f, ReasonCode reason, String detail, List<String> header) {
        outcomes.refuse(f, null, reason, detail, header);
    }

    /** The header recorded for the workbook: its first data sheet's, as a CSV line (no separator of its own). */
    private static List<String> header(DataSheet sheet) {
        return Arrays.asList(SubmissionReader.format(',').format(sheet.reader().header().toArray()), null);
    }

    private static void closeAll(List<XlsxSheetReader> readers) {
        for (XlsxSheetReader r : readers) {
            try {
                r.close();
            } catch (IOException ignored) {
                // read-only streams of a package being closed anyway
            }
        }
    }
}
