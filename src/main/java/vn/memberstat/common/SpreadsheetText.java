package vn.memberstat.common;

/**
 * Text from outside (unit names, comments, raw lines) in a file made for people, made safe against formula injection
 * (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with {@code = + - @}, a tab or a carriage return as a
 * formula. Every CSV and workbook memberstat writes for people passes its text cells through here; numbers are
 * written as numbers and never come here, so a negative number stays a number.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {}

    /** Whether a spreadsheet could take {@code text} for a formula. */
    public static boolean isFormulaLike(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /**
     * {@code text} for a CSV field: formula-like text gets a leading apostrophe, which spreadsheets read as "this is
     * text", and the field is always quoted by the caller's printer when it holds a separator. Other text is unchanged.
     */
    public static String forCsv(String text) {
        return isFormulaLike(text) ? "'" + text : text;
    }
}
