package vn.memberstat.normalise;

import static java.util.Objects.requireNonNull;

/** One value that passed every row check, on its way to the lake. */
public record NormalisedValue(
        String submissionId,
        long lineNumber,
        String unitCode,
        Period period,
        String indicator,
        String category,
        double value,
        String comment) {

    public NormalisedValue {
        requireNonNull(submissionId, "submissionId is null");
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(period, "period is null");
        requireNonNull(indicator, "indicator is null");
        requireNonNull(category, "category is null");
    }
}
