package vn.memberstat.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.memberstat.common.SpreadsheetText;

/**
 * The workbook: a sheet of native charts first, then a sheet per section, streamed with POI's SXSSF (a window of rows
 * in memory, the rest on disk). Numbers are numeric cells; percentages are stored as fractions with a percent format;
 * formats are the neutral codes ({@code #,##0}, {@code 0.00%}) that Excel shows as {@code #.##0}, {@code 0,00%} in
 * Vietnamese. Text from outside that looks like a formula gets the quote-prefix style: shown as written, never run.
 */
final class XlsxWriter {
    /** Rows of the title above each section's header row. */
    static final int HEADER_ROW = 2;

    private final ExportTitle title;

    XlsxWriter(ExportTitle title) {
        this.title = title;
    }

    void write(List<SectionTable> sections, Path file) throws IOException {
        XSSFWorkbook base = new XSSFWorkbook();
        XlsxCharts.add(base, sections, title);   // charts need the full XSSF model, so they come before streaming
        SXSSFWorkbook workbook = new SXSSFWorkbook(base, 100);
        try (OutputStream out = Files.newOutputStream(file)) {
            Styles styles = new Styles(workbook);
            for (SectionTable section : sections) {
                writeSheet(workbook, styles, section);
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    private void writeSheet(SXSSFWorkbook workbook, Styles styles, SectionTable table) {
        SXSSFSheet sheet = workbook.createSheet(sheetName(table.section()));
        Row heading = sheet.createRow(0);
        heading.createCell(0).setCellValue(title.heading(table.section()));
        heading.getCell(0).setCellStyle(styles.bold);
        sheet.createRow(1).createCell(0).setCellValue(title.subheading());
        Row header = sheet.createRow(HEADER_ROW);
        List<Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            header.createCell(c).setCellValue(columns.get(c).label(title.language()));
            header.getCell(c).setCellStyle(styles.header);
            sheet.setColumnWidth(c, width(columns.get(c)));   // set once: autoSizeColumn would measure every row
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        int r = HEADER_ROW + 1;
        for (Object[] row : table.rows()) {
            writeRow(sheet.createRow(r++), row, columns, styles, false);
        }
        for (Object[] row : table.totals()) {
            writeRow(sheet.createRow(r++), title.totalRow(table, row), columns, styles, true);
        }
    }

    private static void writeRow(Row target, Object[] row, List<Column> columns, Styles styles, boolean total) {
        for (int c = 0; c < row.length; c++) {
            Object value = row[c];
            if (value == null) {
                continue;
            }
            var cell = target.createCell(c);
            switch (columns.get(c).kind()) {
                case TEXT -> {
                    String text = value.toString();
                    cell.setCellValue(text);
                    cell.setCellStyle(SpreadsheetText.isFormulaLike(text) ? styles.quoted : total ? styles.bold : null);
                }
                case COUNT -> {
                    cell.setCellValue(((Number) value).doubleValue());
                    cell.setCellStyle(styles.count);
                }
                case PERCENT -> {
                    cell.setCellValue(((Number) value).doubleValue() / 100);
                    cell.setCellStyle(styles.percent);
                }
                case DECIMAL -> {
                    cell.setCellValue(((Number) value).doubleValue());
                    cell.setCellStyle(styles.decimal);
                }
            }
        }
    }

    static String sheetName(Section section) {
        return section.key();   // codes: stable for formulas and readers in every language; the title row says it in words
    }

    private static int width(Column column) {
        int characters = switch (column.kind()) {
            case TEXT -> column.name().equals("unit_name") || column.name().endsWith("_label_vi") ? 48 : 18;
            default -> 14;
        };
        return characters * 256;
    }

    /** Shared cell styles: a workbook holds at most 64,000, so never one per cell. */
    private static final class Styles {
        final CellStyle count;
        final CellStyle percent;
        final CellStyle decimal;
        final CellStyle quoted;
        final CellStyle header;
        final CellStyle bold;

        Styles(SXSSFWorkbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            count = workbook.createCellStyle();
            count.setDataFormat(formats.getFormat("#,##0"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(formats.getFormat("0.00%"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(formats.getFormat("#,##0.00"));
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
        }
    }
}
