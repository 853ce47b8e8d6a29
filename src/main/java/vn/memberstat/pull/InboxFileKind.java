package vn.memberstat.pull;

import java.util.Locale;

/**
 * What a file in the inbox is, by its name. CSV files and {@code .xlsx} workbooks are submissions. Other
 * spreadsheets are taken too, to be refused once with a reason ({@code UNSUPPORTED_FORMAT}) the unit can act on.
 * Anything else is never read, and gets a note each run naming it and what to send instead.
 */
enum InboxFileKind {
    CSV(true, null),
    XLSX(true, null),
    /** {@code .xls}, {@code .xlsm}, {@code .xlsb}, {@code .ods}: refused unread. */
    OTHER_SPREADSHEET(true, null),
    /** {@code ~$name.xlsx}: the lock file Excel keeps beside a workbook it has open. */
    EXCEL_LOCK(false, "skipped %s: a lock file Excel keeps while the workbook is open; not read"),
    OTHER(false, "not read: %s is not a submission; send an .xlsx workbook or a CSV file saved as CSV UTF-8");

    private final boolean taken;
    private final String advice;

    InboxFileKind(boolean taken, String advice) {
        this.taken = taken;
        this.advice = advice;
    }

    /** True for a file the pull takes (and hashes); the others get {@link #advice()} as a note. */
    boolean taken() {
        return taken;
    }

    /** The note on a file not taken, with {@code %s} for its path. */
    String advice() {
        return advice;
    }

    static InboxFileKind of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.startsWith("~$")) {
            return EXCEL_LOCK;
        }
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".xls") || name.endsWith(".xlsm") || name.endsWith(".xlsb") || name.endsWith(".ods")) {
            return OTHER_SPREADSHEET;
        }
        return OTHER;
    }
}
