package vn.memberstat.common;

import static java.util.Objects.requireNonNull;

/** The one exception type of the project; its {@link ErrorCode} decides the exit code. */
public class MemberstatException extends RuntimeException {
    private final ErrorCode code;

    public MemberstatException(ErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public MemberstatException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
