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

    /**
     * A failure in words an operator can act on: its message, or for an exception without one (an
     * {@link OutOfMemoryError}, a NullPointerException) its kind and the first message in its causes.
     */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return "the run ran out of Java heap (" + (t.getMessage() == null ? "OutOfMemoryError" : t.getMessage())
                        + ", maximum " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): give it more with"
                        + " MEMBERSTAT_JAVA_OPTS=\"-Xmx2g -XX:+UseParallelGC\", or move part of the inbox aside for a later run";
            }
        }
        if (failure.getMessage() != null) {
            return failure.getMessage();
        }
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return failure.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return failure.getClass().getName();
    }
}
