package vn.memberstat.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How one organisation reports, fixed for its whole life: its file style and encoding, whether its
 * flows are single months or year-to-date ranges, how its quota is set, and how well it meets it.
 *
 * @param byteOrderMark the file starts with a UTF-8 byte-order mark
 * @param crlf lines end with CR LF
 * @param decomposed the text is written in Unicode NFD
 * @param yearToDate flows are reported January to the month ({@code 2024-01..2024-05}), not for the month alone
 * @param rateQuota the yearly quota is sent as a per cent of members ({@code admission_quota_rate})
 * @param quotaRate the quota as a share of members at the end of the previous year
 * @param attainment admissions as a share of the quota
 * @param quotaCategories admission categories that get their own quota
 * @param reviewMonth the month of the yearly screening review
 */
record ReportingHabits(
        SubmissionStyle style,
        boolean byteOrderMark,
        boolean crlf,
        boolean decomposed,
        boolean yearToDate,
        boolean rateQuota,
        double quotaRate,
        double attainment,
        List<String> quotaCategories,
        int reviewMonth) {

    ReportingHabits {
        requireNonNull(style, "style is null");
        quotaCategories = List.copyOf(quotaCategories);
    }
}
