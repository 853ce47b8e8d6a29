package vn.memberstat.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * What to generate.
 *
 * @param provinces how many of the 63 provinces (in {@link Provinces#ALL} order)
 * @param grassrootsPerProvince grassroots organisations per province; 825 gives the national 52,000
 * @param first the first month written
 * @param last the last month written
 * @param errorRate the share of values spoiled, and the share of monthly files corrected later
 * @param seed the same seed and settings give the same bytes
 * @param out the output directory (created; must be empty)
 * @param backfillRows when above 0, one long-layout file of this many rows instead of one file per organisation and month
 * @param workers threads writing files (provinces are shared out among them)
 * @param xlsxShare the share of files written as Excel workbooks ({@code .xlsx}) rather than CSV, 0 to 1
 */
public record GenerationSettings(
        int provinces,
        int grassrootsPerProvince,
        YearMonth first,
        YearMonth last,
        double errorRate,
        long seed,
        Path out,
        long backfillRows,
        int workers,
        double xlsxShare) {

    public static final int NATIONAL_GRASSROOTS_PER_PROVINCE = 825;
    public static final YearMonth LAST_MONTH = YearMonth.of(2030, 12);

    public GenerationSettings {
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        requireNonNull(out, "out is null");
        if (provinces < 1 || provinces > Provinces.ALL.size()) {
            throw new IllegalArgumentException("provinces must be 1 to " + Provinces.ALL.size() + ", not " + provinces);
        }
        if (grassrootsPerProvince < 1 || grassrootsPerProvince > 50_000) {
            throw new IllegalArgumentException("grassroots organisations per province must be 1 to 50000, not " + grassrootsPerProvince);
        }
        if (first.isBefore(GrassrootsLedger.EPOCH) || last.isAfter(LAST_MONTH) || last.isBefore(first)) {
            throw new IllegalArgumentException("months must lie within " + GrassrootsLedger.EPOCH + ".." + LAST_MONTH
                    + " and not run backwards: " + first + ".." + last);
        }
        if (!(errorRate >= 0 && errorRate <= 0.5)) {
            throw new IllegalArgumentException("the error rate must be 0 to 0.5, not " + errorRate);
        }
        if (backfillRows < 0) {
            throw new IllegalArgumentException("backfill rows must not be negative");
        }
        if (!(xlsxShare >= 0 && xlsxShare <= 1)) {
            throw new IllegalArgumentException("the share of workbooks must be 0 to 1, not " + xlsxShare);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
    }

    boolean writes(YearMonth month) {
        return !month.isBefore(first) && !month.isAfter(last);
    }
}
