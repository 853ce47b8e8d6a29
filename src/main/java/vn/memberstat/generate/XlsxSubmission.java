package vn.memberstat.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A submission written as an Excel workbook instead of a CSV, with the same figures: one sheet holding the CSV's
 * rows, the header in bold, plain integers as number cells and everything else (periods, Vietnamese-formatted
 * figures such as {@code 20.772}, comments) as text, as a unit typing it would have it.
 */
final class XlsxSubmission {
    private static final long STREAM = 0x715C5L;

    private XlsxSubmission() {}

    /** True for the share of files written as workbooks, drawn apart from the paperwork so the figures do not change. */
    static boolean chosen(GenerationSettings settings, Grassroots unit, YearMonth month) {
        double share = settings.xlsxShare();
        return share >= 1 || share > 0 && new java.util.SplittableRandom(Draws.mix(settings.seed(), unit.serial(),
                month.getYear() * 12L + month.getMonthValue(), STREAM)).nextDouble() < share;
    }

    /** The workbook of a generated CSV file's bytes (UTF-8 or UTF-16 with a byte-order mark, as the generator writes). */
    static byte[] of(byte[] csv, String sheetName) {
        String text = decode(csv);
        char separator = text.lines().findFirst().orElse("").indexOf(';') >= 0 ? ';' : ',';
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream(8192)) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            for (CSVRecord record : CSVFormat.RFC4180.builder().setDelimiter(separator).get().parse(new StringReader(text))) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < record.size(); c++) {
                    String v = record.get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (r > 0 && isPlainInteger(v)) {
                        cell.setCellValue(Long.parseLong(v));
                    } else {
                        cell.setCellValue(v);
                    }
                    if (r == 0) {
                        cell.setCellStyle(bold);
                    }
                }
                r++;
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook", e);
        }
    }

    private static boolean isPlainInteger(String v) {
        if (v.length() > 15) {
            return false;   // beyond Excel's 15 digits a number cell loses them
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
