package vn.memberstat.run;

import java.util.List;

/** The columns of the two lists of retried quarantine rows normalise hands to the load (see {@link RunContext}). */
public final class RetriedRows {
    /** {@link RunContext#retriedDuplicates()}: registry rows that now repeat a known version. */
    public static final List<String> DUPLICATE_COLUMNS = List.of("quarantine_key");
    /** {@link RunContext#retriedReasons()}: values kept out by another cause now. */
    public static final List<String> REASON_COLUMNS = List.of("quarantine_key", "reason_code", "detail");

    private RetriedRows() {}
}
