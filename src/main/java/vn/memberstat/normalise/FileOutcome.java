package vn.memberstat.normalise;

import static java.util.Objects.requireNonNull;

import vn.memberstat.common.ReasonCode;

/**
 * What reading and normalising one submission gave. {@code rowsAccepted} go to the lake; the load
 * step may still find conflicting or repeated ones among them. A refused file reads no rows.
 */
public record FileOutcome(
        String submissionId,
        String layout,
        long rowsRead,
        long rowsAccepted,
        long rowsQuarantined,
        long rowsDuplicate,
        ReasonCode refusal,
        String refusalDetail) {

    public FileOutcome {
        requireNonNull(submissionId, "submissionId is null");
    }

    public static FileOutcome refused(String submissionId, String layout, ReasonCode reason, String detail) {
        return new FileOutcome(submissionId, layout, 0, 0, 0, 0, reason, detail);
    }
}
