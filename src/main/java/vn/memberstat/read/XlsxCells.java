package vn.memberstat.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import vn.memberstat.common.TextFold;

/**
 * What a cell of a workbook says, as the text the CSV rules read. A number is written so the Vietnamese number
 * rules give it back unchanged ({@code 20772}, {@code 3,25}): it is a number already, and {@code 3.25} would be
 * read as no number at all. Text, including a number typed or formatted as text, stays as typed. A formula counts by
 * the value Excel saved with it. A number in a date format is a date, written as ISO text.
 */
final class XlsxCells {
    /** Excel shows 15 significant digits; the 17 it saves would turn 0.1 + 0.2 into 0.30000000000000004. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private final SharedStrings strings;
    private final StylesTable styles;
    private final ConcurrentHashMap<Integer, Boolean> dateStyles = new ConcurrentHashMap<>();

    XlsxCells(SharedStrings strings, StylesTable styles) {
        this.strings = strings;
        this.styles = styles;
    }

    /** The cell's text; {@code type} is its {@code t} attribute, {@code value} its {@code <v>}, {@code inline} its {@code <is>}. */
    String text(String type, String value, String inline) {
        if (type == null || type.equals("n")) {
            return value == null ? "" : number(value);
        }
        return switch (type) {
            case "s" -> sharedString(value);
            case "inlineStr" -> inline == null ? "" : TextFold.nfc(inline);
            case "b" -> "1".equals(value) ? "TRUE" : "FALSE";
            default -> value == null ? "" : TextFold.nfc(value);   // str (a formula's text), e (#DIV/0!), d (ISO date)
        };
    }

    /** True when a cell of this type and style is a date: a number in a date format, or a cell stored as a date. */
    boolean isDate(String type, String style, String value) {
        if ("d".equals(type)) {
            return true;
        }
        if ((type != null && !type.equals("n")) || value == null || style == null || styles == null) {
            return false;
        }
        return dateStyles.computeIfAbsent(Integer.parseInt(style), i -> {
            if (i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle cs = styles.getStyleAt(i);
            return cs != null && DateUtil.isADateFormat(cs.getDataFormat(), cs.getDataFormatString());
        });
    }

    /** A date cell as ISO text: {@code 2024-05-01}, with the time only when it has one. */
    static String dateText(String type, String value) {
        if ("d".equals(type)) {
            return value;
        }
        try {
            LocalDateTime t = DateUtil.getLocalDateTime(Double.parseDouble(value));
            return t == null ? value : t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private String sharedString(String index) {
        try {
            return TextFold.nfc(strings.getItemAt(Integer.parseInt(index)).getString());
        } catch (RuntimeException e) {
            return "";   // an index outside the table: Excel would show nothing
        }
    }

    /** A number as the Vietnamese rules read it back: integers without separators, a decimal comma. */
    static String number(String value) {
        try {
            BigDecimal d = new BigDecimal(value.strip()).round(EXCEL_DIGITS).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString().replace('.', ',');
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
