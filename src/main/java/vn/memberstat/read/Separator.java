package vn.memberstat.read;

import java.io.BufferedReader;
import java.io.IOException;
import org.apache.commons.csv.CSVFormat;

/** The field separator of a submission, {@code ;} or {@code ,}, found from its header line, and the CSV format for it. */
final class Separator {
    private static final int SNIFF_CHARS = 1 << 16;
    private static final CSVFormat COMMA = build(',');
    private static final CSVFormat SEMICOLON = build(';');

    private Separator() {}

    /** The format a submission is read (and its raw lines written back) in for a separator. */
    static CSVFormat format(char delimiter) {
        return delimiter == ';' ? SEMICOLON : delimiter == ',' ? COMMA : build(delimiter);
    }

    private static CSVFormat build(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(false).get();
    }

    /**
     * {@code ;} when the header line has more semicolons than commas outside quotes, else {@code ,}.
     * Leaves the reader where it was.
     */
    static char sniff(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_CHARS);
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < SNIFF_CHARS; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        reader.reset();
        return of(semicolons, commas);
    }

    /** The separator of a header line without quotes, counting every {@code ;} and {@code ,} in it. */
    static char ofLine(String line) {
        return of(count(line, ';'), count(line, ','));
    }

    /** The separator a header line with these counts (outside quotes) uses: {@code ;} when it has more of them. */
    static char of(int semicolons, int commas) {
        return semicolons > commas ? ';' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }
}
