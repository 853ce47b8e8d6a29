package vn.memberstat.common;

/**
 * Errors that stop a command, each with the process exit code operators script against.
 * Bad rows are not errors: they are quarantined with a {@link ReasonCode}.
 */
public enum ErrorCode {
    /** Wrong command line: unknown command, bad option value. */
    USAGE(ErrorType.USER_INPUT, 2),
    /** A nightly run failed in one of its steps; run it again with the same date to restart. */
    RUN_FAILED(ErrorType.INTERNAL, 1),
    /** Rows read did not equal rows loaded + quarantined + duplicate. */
    CONSERVATION_BROKEN(ErrorType.INTERNAL, 3),
    /** Another nightly run holds the home directory. */
    RUN_LOCKED(ErrorType.EXTERNAL, 75),
    /** The home directory cannot be created or written, or the disk is full. */
    HOME_UNWRITABLE(ErrorType.EXTERNAL, 73),
    /** The inbox does not exist or cannot be read. */
    INBOX_UNREADABLE(ErrorType.EXTERNAL, 66),
    /** A query given to the sql command failed. */
    BAD_QUERY(ErrorType.USER_INPUT, 4),
    /** No published warehouse yet. */
    NO_WAREHOUSE(ErrorType.USER_INPUT, 5),
    /** The warehouse holds no figure for what was asked (export: the year). */
    NO_DATA(ErrorType.USER_INPUT, 5),
    /** With --fail-on-findings: the run completed (and published), but with findings of that severity. */
    FINDINGS(ErrorType.USER_INPUT, 8),
    /** DuckDB, Parquet or the file system failed in a way that is not the input's fault. */
    STORAGE(ErrorType.EXTERNAL, 1);

    private final ErrorType type;
    private final int exitCode;

    ErrorCode(ErrorType type, int exitCode) {
        this.type = type;
        this.exitCode = exitCode;
    }

    public ErrorType type() {
        return type;
    }

    public int exitCode() {
        return exitCode;
    }

    public enum ErrorType { USER_INPUT, EXTERNAL, INTERNAL }
}
