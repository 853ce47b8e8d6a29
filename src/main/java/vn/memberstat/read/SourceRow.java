package vn.memberstat.read;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * One physical record of a submission: the line it starts on (the header is line 1) and its fields.
 * {@code problem} is set when the record could not be used as a row at all (too long, malformed);
 * {@code rawPrefix} then holds its raw text and {@code problemDetail}, where known, why it could not be split.
 * A workbook's row names its {@code sheet} (null for a CSV), and {@code dateCells} has bit i set when cell i
 * (of the first 64) was a date in Excel: a period must be text, and says so.
 */
public record SourceRow(long lineNumber, List<String> fields, CSVFormat format, Problem problem, String rawPrefix,
        String problemDetail, String sheet, long dateCells) {
    public static final int RAW_LINE_CHARS = 2000;

    public enum Problem { LINE_TOO_LONG, MALFORMED }

    public SourceRow {
        fields = fields == null ? List.of() : fields;
    }

    public SourceRow(long lineNumber, List<String> fields, CSVFormat format, Problem problem, String rawPrefix) {
        this(lineNumber, fields, format, problem, rawPrefix, null);
    }

    public SourceRow(long lineNumber, List<String> fields, CSVFormat format, Problem problem, String rawPrefix,
            String problemDetail) {
        this(lineNumber, fields, format, problem, rawPrefix, problemDetail, null, 0L);
    }

    /** True when cell {@code index} was a date cell of a workbook. */
    public boolean isDate(int index) {
        return index >= 0 && index < 64 && (dateCells & (1L << index)) != 0;
    }

    public String field(int index) {
        return index >= 0 && index < fields.size() ? fields.get(index) : null;
    }

    /** The record written back as CSV, the way the unit can correct and re-send it; cut at 2,000 characters. */
    public String raw() {
        if (rawPrefix != null) {
            return rawPrefix;
        }
        String raw = format.format(fields.toArray());
        return raw.length() > RAW_LINE_CHARS ? raw.substring(0, RAW_LINE_CHARS) + "…" : raw;
    }

    public boolean isBlank() {
        for (String f : fields) {   // a loop, not a stream: called for every record read
            if (f != null && !f.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
