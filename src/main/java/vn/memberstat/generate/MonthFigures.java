package vn.memberstat.generate;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.List;

/**
 * What a grassroots organisation has to report for one month: every {@link Figure} for the month
 * alone and for January to the month (stocks are the same in both), and the quotas it sends with them.
 */
record MonthFigures(YearMonth month, long[] forMonth, long[] yearToDate, List<Quota> quotas) {
    MonthFigures {
        requireNonNull(month, "month is null");
        forMonth = forMonth.clone();
        yearToDate = yearToDate.clone();
        quotas = List.copyOf(quotas);
    }

    long value(Figure figure, boolean cumulative) {
        return (cumulative ? yearToDate : forMonth)[figure.ordinal()];
    }
}
