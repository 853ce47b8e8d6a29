package vn.memberstat.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merged cells of a sheet. Excel writes them after the rows, so the sheet is unpacked once before it is read:
 * a byte search, no XML parsing. The same pass unpacks every byte, so POI's zip-bomb guards strike here, before any
 * row of the workbook has gone on to the lake.
 */
record XlsxMerges(List<Range> ranges) {
    /** A merged range, rows and columns from 0 as POI numbers them (Excel's row n is row n - 1). */
    record Range(int firstRow, int firstColumn, int lastRow, int lastColumn) {}

    private static final byte[] MARK = "mergeCell".getBytes(StandardCharsets.US_ASCII);
    /** The merges' own XML is kept up to this size; a sheet with more merges than that has them ignored beyond. */
    private static final int MAX_MERGE_XML = 1 << 20;
    private static final Pattern REF = Pattern.compile("ref=\"([A-Z]+)(\\d+):([A-Z]+)(\\d+)\"");

    static XlsxMerges scan(InputStream in) throws IOException {
        try (in) {
            byte[] buffer = new byte[1 << 16];
            ByteArrayOutputStream merges = null;
            int matched = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                int from = 0;
                if (merges == null) {
                    for (int i = 0; i < n && merges == null; i++) {
                        matched = buffer[i] == MARK[matched] ? matched + 1 : buffer[i] == MARK[0] ? 1 : 0;
                        if (matched == MARK.length) {
                            merges = new ByteArrayOutputStream();
                            from = i + 1;
                        }
                    }
                }
                if (merges != null && merges.size() < MAX_MERGE_XML) {
                    merges.write(buffer, from, Math.min(n - from, MAX_MERGE_XML - merges.size()));
                }
            }
            return new XlsxMerges(merges == null ? List.of() : ranges(merges.toString(StandardCharsets.UTF_8)));
        }
    }

    private static List<Range> ranges(String xml) {
        List<Range> ranges = new ArrayList<>();
        Matcher m = REF.matcher(xml);
        while (m.find()) {
            ranges.add(new Range(Integer.parseInt(m.group(2)) - 1, column(m.group(1)),
                    Integer.parseInt(m.group(4)) - 1, column(m.group(3))));
        }
        return ranges;
    }

    /** A column's letters as its index from 0: {@code A} 0, {@code Z} 25, {@code AA} 26. */
    static int column(String letters) {
        int c = 0;
        for (int i = 0; i < letters.length(); i++) {
            char ch = letters.charAt(i);
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }
}
