package vn.memberstat.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import vn.memberstat.common.ReasonCode;

/**
 * One {@code .xlsx} submission, opened for streaming with POI's event API ({@link XSSFReader}): the shared strings and
 * the styles are held, each sheet is read a row at a time ({@link XlsxSheetReader}); the workbook object model
 * ({@code XSSFWorkbook}) is never built. POI's zip-bomb guards are set once for the process; a workbook over them,
 * or whose shared strings unpack to more than {@link #MAX_SHARED_STRINGS_BYTES}, is {@code TOO_LARGE}. Links to
 * other workbooks are never followed: a formula counts by the value Excel saved with it.
 */
public final class XlsxWorkbook implements Closeable {
    /** A part may unpack to 100 times its packed size at most (POI's default is also 100). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** No part of a submission unpacks to more than this: a national backfill's largest sheet is a few tens of MB. */
    static final long MAX_ENTRY_BYTES = 512L << 20;
    /** The shared strings are held in memory while the sheets are read. */
    public static final long MAX_SHARED_STRINGS_BYTES = 64L << 20;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(1000);
    }

    /** One sheet's name and the packed part it is read from. */
    public record Sheet(String name, PackagePart part) {}

    private final OPCPackage pkg;
    private final SharedStrings strings;
    private final XlsxCells cells;
    private final List<Sheet> sheets = new ArrayList<>();
    /** The sheet readers made by {@link #read}, closed with the workbook. */
    private final List<XlsxSheetReader> readers = new ArrayList<>();

    /** {@code withStyles} false: the styles are not parsed (XMLBeans, the costliest part of opening a small workbook). */
    private XlsxWorkbook(OPCPackage pkg, boolean withStyles) throws Exception {
        this.pkg = pkg;
        XSSFReader reader = new XSSFReader(pkg);
        List<PackagePart> sst = pkg.getPartsByContentType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        if (!sst.isEmpty() && sst.get(0).getSize() > MAX_SHARED_STRINGS_BYTES) {
            throw new WorkbookRefusal(ReasonCode.TOO_LARGE, "the workbook's table of texts (shared strings) unpacks to "
                    + sst.get(0).getSize() + " bytes; the limit is " + MAX_SHARED_STRINGS_BYTES, null);
        }
        this.strings = sst.isEmpty() ? null : new ReadOnlySharedStringsTable(sst.get(0), false);
        StylesTable styles = withStyles ? reader.getStylesTable() : null;
        this.cells = new XlsxCells(strings, styles);
        XSSFReader.SheetIterator it = reader.getSheetIterator();
        while (it.hasNext()) {
            try (InputStream ignored = it.next()) {
                sheets.add(new Sheet(it.getSheetName(), it.getSheetPart()));
            }
        }
    }

    /** Opens {@code file} read-only; a file POI cannot open as a workbook, or over its limits, is refused. */
    public static XlsxWorkbook open(Path file) throws WorkbookRefusal {
        return open(file, true);
    }

    /**
     * Opens {@code file} for its sheets' first rows only ({@link #firstRow}): no styles, so no cell reads as a date.
     * A probe of a national month's 52,000 workbooks, before any is read.
     */
    public static XlsxWorkbook openForFirstRows(Path file) throws WorkbookRefusal {
        return open(file, false);
    }

    private static XlsxWorkbook open(Path file, boolean withStyles) throws WorkbookRefusal {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxWorkbook(pkg, withStyles);
        } catch (WorkbookRefusal r) {
            revert(pkg);
            throw r;
        } catch (Exception e) {
            revert(pkg);
            throw WorkbookRefusal.of(e);
        }
    }

    private static void revert(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }

    /** True for a file the pull took as a workbook ({@code *.xlsx}); every other submission is a CSV. */
    public static boolean isWorkbook(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    public List<Sheet> sheets() {
        return sheets;
    }

    /** A reader of one sheet, its header taken, closed with the workbook; a failure reading it refuses the workbook. */
    public XlsxSheetReader read(Sheet sheet) throws WorkbookRefusal {
        try {
            XlsxSheetReader reader = new XlsxSheetReader(sheet.name(), sheet.part()::getInputStream, cells);
            readers.add(reader);
            return reader;
        } catch (Exception e) {
            throw WorkbookRefusal.of(e);
        }
    }

    /**
     * The first row of {@code sheet} as its header, merges left out and only its first rows unpacked: enough to tell a
     * registry sheet (whose header has no merges) from the others before the workbook is read.
     */
    public List<String> firstRow(Sheet sheet) throws WorkbookRefusal {
        try (XlsxSheetReader reader = new XlsxSheetReader(sheet.name(), sheet.part()::getInputStream, cells, false)) {
            return reader.header();
        } catch (Exception e) {
            throw WorkbookRefusal.of(e);
        }
    }

    /** Closes the sheet readers it made, then the package. */
    @Override
    public void close() throws IOException {
        for (XlsxSheetReader r : readers) {
            try {
                r.close();
            } catch (IOException ignored) {
                // read-only streams of a package being closed anyway
            }
        }
        pkg.revert();   // read-only: nothing to save
    }
}
