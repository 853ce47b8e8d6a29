package vn.memberstat.common;

import static java.util.Objects.requireNonNull;

import vn.memberstat.common.ReasonCode;

/**
 * A row that cannot be used: it goes to quarantine with this reason. Thrown often on bad files,
 * so it carries no stack trace.
 */
public final class RowRejectedException extends RuntimeException {
    private final ReasonCode reason;

    public RowRejectedException(ReasonCode reason, String detail) {
        super(detail, null, false, false);
        this.reason = requireNonNull(reason, "reason is null");
    }

    public ReasonCode reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
