package vn.memberstat.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.util.XMLHelper;

/**
 * Streams the rows of one sheet with StAX, a row at a time, as a CSV file's records: a row's line number is its
 * row as Excel numbers it, and every row names the sheet. The header is the first row holding anything. Merged
 * header cells count for every column they cover, and rows under a header cell merged downwards are part of the
 * header: their texts are the categories of the columns above ({@code Kết nạp đảng viên - Học sinh THPT}).
 * Blank rows are blank records; rows Excel left out (never typed in) are no records at all.
 */
public final class XlsxSheetReader implements RowSource {
    /** DTDs and external entities off (XMLHelper): a sheet is data, never a way to reach other files. */
    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();
    private static final CSVFormat RAW = SubmissionReader.format(',');
    /** A row holds no more text than this (a million characters): a hostile sheet cannot fill the heap with one. */
    static final long MAX_ROW_CHARS = 1L << 20;
    private final String sheet;
    private final XlsxCells cells;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final List<String> header;
    private Row pending;
    private boolean broken;

    /** A row as read: Excel's number, the cells' texts (blanks where none), the date cells as bits. */
    private record Row(long number, List<String> fields, long dates, boolean tooLong) {
        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** Opens the sheet's packed part again: it is read twice, for its merges and for its rows. */
    interface Opener {
        InputStream open() throws IOException;
    }

    XlsxSheetReader(String sheet, Opener opener, XlsxCells cells) throws IOException, XMLStreamException {
        this(sheet, opener, cells, true);
    }

    /** {@code withMerges} false: the header's first row alone, without unpacking the sheet first (a layout probe). */
    XlsxSheetReader(String sheet, Opener opener, XlsxCells cells, boolean withMerges) throws IOException, XMLStreamException {
        this.sheet = sheet;
        this.cells = cells;
        XlsxMerges merges = withMerges ? XlsxMerges.scan(opener.open()) : new XlsxMerges(List.of());
        this.in = opener.open();
        this.xml = XML.createXMLStreamReader(in);
        Row first;
        do {
            first = readRow();
        } while (first != null && first.isBlank());
        this.header = first == null ? List.of() : headerFrom(first, merges);
    }

    public String sheet() {
        return sheet;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        Row row = pending;
        pending = null;
        if (row == null) {
            if (broken) {
                return null;
            }
            try {
                row = readRow();
            } catch (XMLStreamException | RuntimeException e) {
                broken = true;
                return new SourceRow(lastRow + 1, List.of(), RAW, SourceRow.Problem.MALFORMED, "",
                        "the sheet's XML cannot be read on from here (" + e.getMessage() + "): save the workbook again in Excel",
                        sheet, 0L);
            }
        }
        if (row != null && row.tooLong()) {
            String raw = RAW.format(row.fields().toArray());
            return new SourceRow(row.number(), List.of(), RAW, SourceRow.Problem.LINE_TOO_LONG,
                    raw.substring(0, Math.min(raw.length(), SourceRow.RAW_LINE_CHARS)) + "…", null, sheet, 0L);
        }
        return row == null ? null : new SourceRow(row.number(), row.fields(), RAW, null, null, null, sheet, row.dates());
    }

    /** The header row with its merges: covered columns take the merged text, rows merged down add their texts. */
    private List<String> headerFrom(Row first, XlsxMerges merges) throws XMLStreamException {
        int top = (int) first.number() - 1;
        List<String> names = new ArrayList<>(first.fields());
        long lastHeaderRow = first.number();
        for (XlsxMerges.Range r : merges.ranges()) {
            if (r.firstRow() != top || r.firstColumn() >= names.size()) {
                continue;
            }
            String text = names.get(r.firstColumn());
            for (int c = r.firstColumn() + 1; c <= r.lastColumn(); c++) {
                set(names, c, text);
            }
            lastHeaderRow = Math.max(lastHeaderRow, r.lastRow() + 1L);
        }
        Row row;
        while ((row = readRow()) != null && row.number() <= lastHeaderRow) {
            for (int c = 0; c < row.fields().size(); c++) {
                String sub = row.fields().get(c).strip();
                String above = c < names.size() ? names.get(c).strip() : "";
                if (!sub.isEmpty() && !sub.equals(above)) {
                    set(names, c, above.isEmpty() ? sub : above + " - " + sub);
                }
            }
        }
        pending = row;
        return List.copyOf(names);
    }

    private static void set(List<String> names, int column, String text) {
        while (names.size() <= column) {
            names.add("");
        }
        names.set(column, text);
    }

    /** The next {@code <row>} of the sheet, or null after the last. */
    private Row readRow() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                String r = xml.getAttributeValue(null, "r");
                return cellsOf(r == null ? lastRow + 1 : Long.parseLong(r));
            }
        }
        return null;
    }

    private long lastRow;

    private Row cellsOf(long number) throws XMLStreamException {
        lastRow = number;
        List<String> fields = new ArrayList<>();
        long dates = 0;
        int column = -1;
        long chars = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !xml.getLocalName().equals("c")) {
                continue;
            }
            String ref = xml.getAttributeValue(null, "r");
            column = ref == null ? column + 1 : XlsxMerges.column(ref);
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            String[] content = cellContent();
            boolean date = cells.isDate(type, style, content[0]);
            String text = date ? XlsxCells.dateText(type, content[0]) : cells.text(type, content[0], content[1]);
            chars += text.length() + 1;
            if (chars > MAX_ROW_CHARS) {
                return skipRest(number, fields);
            }
            set(fields, column, text);
            if (date && column < 64) {
                dates |= 1L << column;
            }
        }
        return new Row(number, fields, dates, false);
    }

    /** A row longer than {@link #MAX_ROW_CHARS}: its first cells are kept for the raw text, the rest skipped. */
    private Row skipRest(long number, List<String> fields) throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
        }
        return new Row(number, fields, 0, true);
    }

    /** A cell's {@code <v>} and the text of its {@code <is>} (phonetic runs left out), up to its end. */
    private String[] cellContent() throws XMLStreamException {
        String value = null;
        StringBuilder inline = null;
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("c")) {
                    break;
                }
                if (name.equals("rPh")) {
                    phonetic--;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = xml.getElementText();
                    case "is" -> inline = new StringBuilder();
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        String t = xml.getElementText();
                        if (inline != null && phonetic == 0) {
                            inline.append(t);
                        }
                    }
                    default -> { }
                }
            }
        }
        return new String[] {value, inline == null ? null : inline.toString()};
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot close sheet " + sheet, e);
        } finally {
            in.close();
        }
    }
}
