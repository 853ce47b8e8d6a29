package vn.memberstat.run;

import java.util.List;

/**
 * {@code submissions.csv} of the run directory: one row per file normalise took, with its counts, which the load
 * reads into {@code dim_submission}. {@code cover}: of a refused file, the units and periods it appears to cover
 * ({@code unit period} pairs joined by {@code ;}), empty when not known. Recurring header lines are numbered in its companion file ({@code HeaderNumbers}).
 */
public final class SubmissionsFile {
    public static final List<String> COLUMNS = List.of("submission_id", "sha256", "file_path", "size_bytes",
            "modified_at", "pulled_at", "layout", "refused_reason", "refused_detail", "rows_read", "rows_accepted",
            "rows_quarantined", "rows_duplicate", "header_line", "delimiter", "cover", "header_id");

    private SubmissionsFile() {}
}
