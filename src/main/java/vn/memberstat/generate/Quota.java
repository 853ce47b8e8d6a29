package vn.memberstat.generate;

import static java.util.Objects.requireNonNull;

/**
 * A quota line sent with a month's figures: a count quota for a year or a congress term
 * ({@code admission_quota}), or a rate quota in per cent ({@code admission_quota_rate}).
 */
record Quota(String period, String indicator, String category, double value) {
    Quota {
        requireNonNull(period, "period is null");
        requireNonNull(indicator, "indicator is null");
        requireNonNull(category, "category is null");
    }

    static Quota count(String period, String category, long value) {
        return new Quota(period, "admission_quota", category, value);
    }

    static Quota rate(int year, double percent) {
        return new Quota(Integer.toString(year), "admission_quota_rate", "total", percent);
    }

    boolean isRate() {
        return indicator.equals("admission_quota_rate");
    }
}
