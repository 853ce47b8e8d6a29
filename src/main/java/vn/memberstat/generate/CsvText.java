package vn.memberstat.generate;

/** RFC 4180 quoting of one field for a given separator. */
final class CsvText {
    private CsvText() {}

    static String field(String text, char separator) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == separator || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
