package vn.memberstat.run;

import vn.memberstat.common.Period;

import static java.util.Objects.requireNonNull;

/**
 * One value that passed every row check, on its way to the lake. {@code quarantineKey} is set when
 * the value was quarantined by an earlier run and passes now; {@code sheet} names a workbook's sheet
 * the value was on (null for a CSV).
 */
public record NormalisedValue(
        String submissionId,
        long lineNumber,
        String unitCode,
        Period period,
        String indicator,
        String category,
        double value,
        String comment,
        Long quarantineKey,
        String sheet) {

    public NormalisedValue {
        requireNonNull(submissionId, "submissionId is null");
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(period, "period is null");
        requireNonNull(indicator, "indicator is null");
        requireNonNull(category, "category is null");
    }

    public NormalisedValue(String submissionId, long lineNumber, String unitCode, Period period, String indicator,
            String category, double value, String comment, Long quarantineKey) {
        this(submissionId, lineNumber, unitCode, period, indicator, category, value, comment, quarantineKey, null);
    }

    public NormalisedValue fromQuarantine(long key) {
        return new NormalisedValue(submissionId, lineNumber, unitCode, period, indicator, category, value, comment, key, sheet);
    }

    /** The same value, from a row of {@code sheet}. */
    public NormalisedValue inSheet(String sheet) {
        return new NormalisedValue(submissionId, lineNumber, unitCode, period, indicator, category, value, comment,
                quarantineKey, sheet);
    }
}
