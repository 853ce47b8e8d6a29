package vn.memberstat.run;

import static java.util.Objects.requireNonNull;

import vn.memberstat.common.ReasonCode;

/**
 * A refused file ({@code lineNumber} null) or a quarantined row, with what is needed to send it back
 * to the unit ({@code rawLine}) and to try it again on a later run (the parsed fields). A workbook's row
 * names its {@code sheet}; null for a CSV.
 */
public record Rejection(
        String submissionId,
        String filePath,
        Long lineNumber,
        String rawLine,
        ReasonCode reason,
        String detail,
        String unitCode,
        String period,
        String indicator,
        String category,
        String valueText,
        String comment,
        String sheet) {

    public Rejection {
        requireNonNull(submissionId, "submissionId is null");
        requireNonNull(filePath, "filePath is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(detail, "detail is null");
    }

    public Rejection(String submissionId, String filePath, Long lineNumber, String rawLine, ReasonCode reason, String detail,
            String unitCode, String period, String indicator, String category, String valueText, String comment) {
        this(submissionId, filePath, lineNumber, rawLine, reason, detail, unitCode, period, indicator, category, valueText,
                comment, null);
    }

    /** The same rejection, of a row of {@code sheet}. */
    public Rejection inSheet(String sheet) {
        return new Rejection(submissionId, filePath, lineNumber, rawLine, reason, detail, unitCode, period, indicator,
                category, valueText, comment, sheet);
    }

    public static Rejection file(String submissionId, String filePath, ReasonCode reason, String detail) {
        return new Rejection(submissionId, filePath, null, null, reason, detail, null, null, null, null, null, null);
    }
}
