package vn.memberstat.normalise;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.catalogue.Indicator;
import vn.memberstat.catalogue.IndicatorKind;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.TextFold;
import vn.memberstat.common.Period;
import vn.memberstat.common.PeriodKind;
import vn.memberstat.run.NormalisedValue;
import vn.memberstat.common.RowRejectedException;

/**
 * Turns the text of one value into a {@link NormalisedValue} or a {@link RowRejectedException}.
 * Checks that no later run can change come first (period, indicator, category, value), then those
 * a newer registry or a later run date may clear (unit, future period), so that a row retried from
 * quarantine fails only for a reason that can still go away.
 */
public final class ValueNormaliser {
    private final Catalogue catalogue;
    private final UnitRegistry registry;
    private final LocalDate runDate;
    /** Parsed periods by their text: a national month repeats a few dozen period texts millions of times. */
    private final java.util.concurrent.ConcurrentHashMap<String, Period> periods = new java.util.concurrent.ConcurrentHashMap<>();

    public ValueNormaliser(Catalogue catalogue, UnitRegistry registry, LocalDate runDate) {
        this.catalogue = catalogue;
        this.registry = registry;
        this.runDate = runDate;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Resolves an indicator given by code ({@code admitted}) or by its Vietnamese label. */
    public Indicator indicator(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new RowRejectedException(ReasonCode.UNKNOWN_INDICATOR, "indicator is empty");
        }
        return catalogue.indicator(s)
                .or(() -> catalogue.indicator(s.toLowerCase(Locale.ROOT)))
                .or(() -> catalogue.indicatorByLabel(s))
                .orElseThrow(() -> new RowRejectedException(ReasonCode.UNKNOWN_INDICATOR,
                        "indicator '" + s + "' is not in the catalogue"));
    }

    /** Resolves a category by code or label; empty means the indicator's default. */
    public static Indicator.Category category(Indicator indicator, String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return indicator.defaultCategory();
        }
        Optional<Indicator.Category> found = indicator.category(s)
                .or(() -> indicator.category(s.toLowerCase(Locale.ROOT)))
                .or(() -> indicator.categories().stream().filter(c -> TextFold.fold(c.labelVi()).equals(TextFold.fold(s))).findFirst());
        return found.orElseThrow(() -> new RowRejectedException(ReasonCode.UNKNOWN_CATEGORY,
                "category '" + s + "' is not a category of " + indicator.code() + " (" + indicator.categories().stream()
                        .map(Indicator.Category::code).toList() + ")"));
    }

    public NormalisedValue normalise(String submissionId, long line, String unitText, String periodText,
            Indicator indicator, Indicator.Category category, String valueText, String comment) {
        Period period = periodText == null ? Period.parse(null) : periods.get(periodText);
        if (period == null) {
            period = Period.parse(periodText);
            if (periods.size() < 10_000) {
                periods.put(periodText, period);
            }
        }
        if (!indicator.periodKinds().contains(period.kind())) {
            throw new RowRejectedException(ReasonCode.PERIOD_NOT_ALLOWED, indicator.code() + " takes "
                    + indicator.periodKinds().stream().map(PeriodKind::code).sorted().toList() + " periods, not '"
                    + periodText.strip() + "' (" + period.kind().code() + ")");
        }
        double value = VietnameseNumber.parse(valueText, indicator.integerValues());
        String unit = unitText == null ? "" : unitText.strip();
        if (unit.isEmpty()) {
            throw new RowRejectedException(ReasonCode.UNKNOWN_UNIT, "unit_code is empty");
        }
        registry.requireActive(unit, period);
        if (indicator.kind() != IndicatorKind.TARGET && period.endsAfterMonthOf(runDate)) {
            throw new RowRejectedException(ReasonCode.FUTURE_PERIOD, "period " + period.code()
                    + " ends after the month of the run date " + runDate);
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        return new NormalisedValue(submissionId, line, unit, period, indicator.code(), category.code(), value, note, null);
    }
}
