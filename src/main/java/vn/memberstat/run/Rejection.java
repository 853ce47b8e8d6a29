package vn.memberstat.run;

import static java.util.Objects.requireNonNull;

import vn.memberstat.common.ReasonCode;

/**
 * A refused file ({@code lineNumber} null) or a quarantined row, with what is needed to send it back
 * to the unit ({@code rawLine}) and to try it again on a later run (the parsed fields).
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
        String comment) {

    public Rejection {
        requireNonNull(submissionId, "submissionId is null");
        requireNonNull(filePath, "filePath is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(detail, "detail is null");
    }

    public static Rejection file(String submissionId, String filePath, ReasonCode reason, String detail) {
        return new Rejection(submissionId, filePath, null, null, reason, detail, null, null, null, null, null, null);
    }
}
