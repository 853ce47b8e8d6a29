package vn.memberstat.common;

/**
 * Why a file was refused or a row quarantined. Names are part of the submission contract:
 * add codes, never rename them.
 */
public enum ReasonCode {
    // whole files
    ENCODING(true, false),
    UNKNOWN_LAYOUT(true, false),
    EMPTY_FILE(true, false),
    TOO_LARGE(true, false),
    /** A symbolic link whose target lies outside the inbox: refused and never read. */
    OUTSIDE_INBOX(true, false),
    /** An old or macro-enabled spreadsheet ({@code .xls}, {@code .xlsm}, {@code .ods}): save as .xlsx or CSV UTF-8. */
    UNSUPPORTED_FORMAT(true, false),
    /** A workbook protected by a password: it cannot be read without it. */
    ENCRYPTED(true, false),
    // rows
    UNKNOWN_UNIT(false, true),
    UNIT_NOT_ACTIVE(false, true),
    BAD_PERIOD(false, false),
    FUTURE_PERIOD(false, true),
    UNKNOWN_INDICATOR(false, false),
    UNKNOWN_CATEGORY(false, false),
    PERIOD_NOT_ALLOWED(false, false),
    BAD_VALUE(false, false),
    CONFLICTING_DUPLICATE(false, false),
    LINE_TOO_LONG(false, false),
    BAD_REGISTRY_ROW(false, true),
    /** A row the CSV parser could not split, such as an unterminated quote running to the end of the file. */
    MALFORMED_ROW(false, false);

    private final boolean wholeFile;
    private final boolean retryable;

    ReasonCode(boolean wholeFile, boolean retryable) {
        this.wholeFile = wholeFile;
        this.retryable = retryable;
    }

    public boolean wholeFile() {
        return wholeFile;
    }

    /** True when a later run may load the row without anyone re-sending it (a newer registry, a later run date). */
    public boolean retryable() {
        return retryable;
    }
}
