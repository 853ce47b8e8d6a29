package vn.memberstat.normalise;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.memberstat.common.Period;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.TextFold;
import vn.memberstat.pull.EncodingAdvice;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.read.RowSource;
import vn.memberstat.read.SourceRow;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.read.WorkbookRefusal;
import vn.memberstat.read.XlsxSheetReader;
import vn.memberstat.read.XlsxWorkbook;
import vn.memberstat.run.PulledFile;

/**
 * The units and periods a refused file appears to cover, so that it counts as replaced once later submissions cover
 * them all. Best effort and bounded, never loaded: only the unit and period columns are read, of a CSV refused for
 * its encoding (read in the code page its bytes fit), a CSV whose header names those columns but no layout, and a
 * macro-enabled workbook (read as an {@code .xlsx}). Rows whose unit or period could never load are left out. Any
 * other refusal, a file over {@link #MAX_BYTES}, more than {@link #MAX_ROWS} rows or {@link #MAX_PAIRS} pairs: not
 * known (null), and only a later file from the same inbox path replaces it.
 */
final class RefusalCover {
    static final long MAX_BYTES = 16L << 20;
    static final long MAX_ROWS = 100_000;
    static final int MAX_PAIRS = 2_000;
    private final int maxLineChars;

    RefusalCover(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    /** The pairs {@code "unit period"} (canonical period), sorted and joined by {@code ;}; null when not known. */
    String of(PulledFile f, ReasonCode reason) {
        if (f.sizeBytes() > MAX_BYTES) {
            return null;
        }
        String name = f.relativePath().toLowerCase(Locale.ROOT);
        try {
            if (reason == ReasonCode.ENCODING && name.endsWith(".csv")) {
                Optional<Charset> codePage = EncodingAdvice.codePage(f.path());
                return codePage.isEmpty() ? null : csv(f, codePage.get(), f.bomBytes());
            }
            if (reason == ReasonCode.UNKNOWN_LAYOUT && name.endsWith(".csv") && f.charset() != null) {
                return csv(f, Charset.forName(f.charset()), f.bomBytes());
            }
            if (reason == ReasonCode.UNSUPPORTED_FORMAT && name.endsWith(".xlsm")) {
                return workbook(f);
            }
        } catch (IOException | RuntimeException | WorkbookRefusal e) {
            return null;   // best effort: a file that cannot be read so is replaced by its path only
        }
        return null;
    }

    private String csv(PulledFile f, Charset charset, int bomBytes) throws IOException {
        Set<String> pairs = new TreeSet<>();
        try (SubmissionReader reader = new SubmissionReader(f.path(), charset, bomBytes, maxLineChars)) {
            return add(reader, pairs, new long[1]) ? joined(pairs) : null;
        }
    }

    /** Every sheet of the workbook opened first (and unpacked: POI's limits apply), then its pairs read. */
    private String workbook(PulledFile f) throws WorkbookRefusal, IOException {
        Set<String> pairs = new TreeSet<>();
        long[] rows = new long[1];
        try (XlsxWorkbook book = XlsxWorkbook.open(f.path())) {
            List<XlsxSheetReader> opened = new ArrayList<>();
            for (XlsxWorkbook.Sheet sheet : book.sheets()) {
                opened.add(book.read(sheet));
            }
            for (XlsxSheetReader reader : opened) {
                if (!add(reader, pairs, rows)) {
                    return null;
                }
            }
        }
        return joined(pairs);
    }

    /** Adds the table's pairs; false when over the bounds. A table without unit and period columns adds none. */
    private static boolean add(RowSource reader, Set<String> pairs, long[] rows) {
        int[] columns = unitAndPeriod(reader.header());
        if (columns == null) {
            return true;
        }
        SourceRow row;
        while ((row = reader.next()) != null) {
            if (++rows[0] > MAX_ROWS) {
                return false;
            }
            if (row.problem() != null || row.isDate(columns[1])) {
                continue;
            }
            String unit = row.field(columns[0]) == null ? "" : row.field(columns[0]).strip();
            if (!RegistryNormaliser.CODE.matcher(unit).matches()) {
                continue;
            }
            try {
                pairs.add(unit + " " + Period.parse(row.field(columns[1])).code());
            } catch (RuntimeException badPeriod) {
                continue;
            }
            if (pairs.size() > MAX_PAIRS) {
                return false;
            }
        }
        return true;
    }

    /** The unit and period columns: the long layout's by name, else a report form's first two. */
    private static int[] unitAndPeriod(List<String> header) {
        Map<String, Integer> columns = LayoutDetector.columnIndex(header);
        if (columns.containsKey("unit_code") && columns.containsKey("period")) {
            return new int[] {columns.get("unit_code"), columns.get("period")};
        }
        if (header.size() >= 2 && TextFold.fold(header.get(0)).equals(LayoutDetector.FORM_UNIT)
                && TextFold.fold(header.get(1)).equals(LayoutDetector.FORM_PERIOD)) {
            return new int[] {0, 1};
        }
        return null;
    }

    private static String joined(Set<String> pairs) {
        return pairs.isEmpty() ? null : String.join(";", pairs);
    }
}
