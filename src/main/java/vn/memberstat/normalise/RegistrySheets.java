package vn.memberstat.normalise;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import vn.memberstat.read.Layout;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.read.WorkbookRefusal;
import vn.memberstat.read.XlsxSheetReader;
import vn.memberstat.read.XlsxTextScan;
import vn.memberstat.read.XlsxWorkbook;
import vn.memberstat.run.PulledFile;
import vn.memberstat.run.Rejection;

/**
 * The registry sheets of a workbook, read by the registry pass exactly as a registry CSV is: each row a candidate
 * with its Excel row number and its sheet. The workbook's other sheets are the data pass's.
 */
final class RegistrySheets {
    private RegistrySheets() {}

    static boolean isWorkbook(PulledFile f) {
        return XlsxWorkbook.isWorkbook(f.relativePath());
    }

    /**
     * The workbook as a registry file when a sheet's first row is the registry header: that header is recorded for
     * it. Empty when it has none, or cannot be opened (the data pass refuses it then).
     */
    static Optional<RegistryFiles.Taken> probe(PulledFile f) {
        if (!XlsxTextScan.mayHold(f.path(), "valid")) {
            return Optional.empty();   // a registry header has valid_from: a report form is ruled out without POI
        }
        try (XlsxWorkbook book = XlsxWorkbook.openForFirstRows(f.path())) {
            List<String> registry = null;
            boolean data = false;
            for (XlsxWorkbook.Sheet sheet : book.sheets()) {
                List<String> header = book.firstRow(sheet);
                Optional<Layout> layout = LayoutDetector.detect(header);
                if (layout.orElse(null) == Layout.REGISTRY) {
                    registry = registry == null ? header : registry;
                } else if (layout.isPresent()) {
                    data = true;
                }
            }
            return registry == null ? Optional.empty() : Optional.of(new RegistryFiles.Taken(f, recorded(registry), true, data));
        } catch (WorkbookRefusal | IOException e) {
            return Optional.empty();
        }
    }

    /** A workbook's header as recorded: one CSV line, no separator of its own. */
    static List<String> recorded(List<String> header) {
        return Arrays.asList(SubmissionReader.format(',').format(header.toArray()), null);
    }

    /**
     * Adds the rows of the workbook's registry sheets to {@code candidates}; a record that cannot be split is
     * quarantined; other sheets of a workbook with no data sheet are noted. Every sheet is opened (and unpacked) first, so a workbook over the limits is refused before a row
     * of it counts. Returns the rows read and, of them, the records quarantined.
     */
    static long[] read(RegistryFiles.Taken taken, List<RegistryNormaliser.Candidate> candidates, Consumer<Rejection> rejections,
            Consumer<String> notes) throws WorkbookRefusal, IOException {
        PulledFile f = taken.file();
        long[] counts = new long[2];
        try (XlsxWorkbook book = XlsxWorkbook.open(f.path())) {
            List<XlsxSheetReader> opened = new ArrayList<>();
            for (XlsxWorkbook.Sheet sheet : book.sheets()) {
                opened.add(book.read(sheet));
            }
            for (XlsxSheetReader reader : opened) {
                Optional<Layout> layout = LayoutDetector.detect(reader.header());
                if (layout.orElse(null) == Layout.REGISTRY) {
                    RegistryPass.readRows(f, reader, reader.sheet(), candidates, rejections, counts);
                } else if (layout.isEmpty() && !reader.header().isEmpty() && !taken.dataSheetsToo()) {
                    notes.accept(WorkbookPass.skipped(f, reader.sheet()));   // else the data pass says so
                }
            }
        }
        return counts;
    }
}
