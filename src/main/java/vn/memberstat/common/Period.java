package vn.memberstat.common;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.RowRejectedException;

/**
 * A reporting period. Calendar periods lie within one year ({@code year}, months
 * {@code startMonth..endMonth}); a term is a congress term whose plan years are
 * {@code year..endYear} ({@code 2020-2025} covers 2021 to 2025).
 * Spans are canonical: {@code 2024-01..2024-03} is {@code 2024-Q1}.
 */
public record Period(PeriodKind kind, int year, int startMonth, int endYear, int endMonth) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq](\\d)");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-[Hh](\\d)");
    private static final Pattern RANGE = Pattern.compile("(\\d{4})-(\\d{1,2})\\s*\\.\\.\\s*(\\d{4})-(\\d{1,2})");
    private static final Pattern TERM = Pattern.compile("(\\d{4})\\s*-\\s*(\\d{4})");
    private static final int MIN_YEAR = 1930;
    private static final int MAX_YEAR = 2100;
    public static final int TERM_YEARS = 5;

    public Period {
        requireNonNull(kind, "kind is null");
    }

    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            throw bad(text, "period is empty");
        }
        String s = text.strip();
        Matcher m;
        if ((m = YEAR.matcher(s)).matches()) {
            int year = year(s, m.group(1));
            return calendar(year, 1, 12);
        }
        if ((m = MONTH.matcher(s)).matches()) {
            int year = year(s, m.group(1));
            int month = month(s, m.group(2));
            return calendar(year, month, month);
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            int year = year(s, m.group(1));
            int q = Integer.parseInt(m.group(2));
            if (q < 1 || q > 4) {
                throw bad(s, "quarter must be Q1 to Q4");
            }
            return calendar(year, 3 * q - 2, 3 * q);
        }
        if ((m = HALF.matcher(s)).matches()) {
            int year = year(s, m.group(1));
            int h = Integer.parseInt(m.group(2));
            if (h < 1 || h > 2) {
                throw bad(s, "half must be H1 or H2");
            }
            return calendar(year, 6 * h - 5, 6 * h);
        }
        if ((m = RANGE.matcher(s)).matches()) {
            int y1 = year(s, m.group(1));
            int m1 = month(s, m.group(2));
            int y2 = year(s, m.group(3));
            int m2 = month(s, m.group(4));
            if (y1 != y2) {
                throw bad(s, "a month range must lie within one year");
            }
            if (m2 < m1) {
                throw bad(s, "a month range must not run backwards");
            }
            return calendar(y1, m1, m2);
        }
        if ((m = TERM.matcher(s)).matches()) {
            int start = year(s, m.group(1));
            int end = year(s, m.group(2));
            if (end - start != TERM_YEARS) {
                throw bad(s, "a congress term spans five years, such as 2020-2025");
            }
            return new Period(PeriodKind.TERM, start + 1, 0, end, 0);
        }
        throw bad(s, "not a period: expected 2024, 2024-05, 2024-Q2, 2024-H1, 2024-01..2024-04 or 2020-2025");
    }

    /** The canonical period for months {@code from..to} of {@code year}. */
    public static Period calendar(int year, int from, int to) {
        PeriodKind kind;
        if (from == 1 && to == 12) {
            kind = PeriodKind.YEAR;
        } else if (from == to) {
            kind = PeriodKind.MONTH;
        } else if (to - from == 2 && from % 3 == 1) {
            kind = PeriodKind.QUARTER;
        } else if (to - from == 5 && from % 6 == 1) {
            kind = PeriodKind.HALF;
        } else {
            kind = PeriodKind.RANGE;
        }
        return new Period(kind, year, from, year, to);
    }

    private static int year(String text, String digits) {
        int year = Integer.parseInt(digits);
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw bad(text, "year " + year + " is outside " + MIN_YEAR + "-" + MAX_YEAR);
        }
        return year;
    }

    private static int month(String text, String digits) {
        int month = Integer.parseInt(digits);
        if (month < 1 || month > 12) {
            throw bad(text, "month " + month + " is not 1 to 12");
        }
        return month;
    }

    private static RowRejectedException bad(String text, String why) {
        return new RowRejectedException(ReasonCode.BAD_PERIOD, "period '" + text + "': " + why);
    }

    public boolean isTerm() {
        return kind == PeriodKind.TERM;
    }

    /** The congress year and end year, {@code 2020-2025}, for the term a plan year belongs to. */
    public static String termCodeOf(int planYear) {
        int congress = Math.floorDiv(planYear - 1, TERM_YEARS) * TERM_YEARS;
        return congress + "-" + (congress + TERM_YEARS);
    }

    public String code() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case MONTH -> year + (startMonth < 10 ? "-0" : "-") + startMonth;
            case QUARTER -> year + "-Q" + (endMonth / 3);
            case HALF -> year + "-H" + (endMonth / 6);
            case RANGE -> year + (startMonth < 10 ? "-0" : "-") + startMonth + ".." + year + (endMonth < 10 ? "-0" : "-") + endMonth;
            case TERM -> (year - 1) + "-" + endYear;
        };
    }

    public LocalDate firstDay() {
        return isTerm() ? LocalDate.of(year, 1, 1) : LocalDate.of(year, startMonth, 1);
    }

    public LocalDate lastDay() {
        return isTerm() ? LocalDate.of(endYear, 12, 31) : YearMonth.of(year, endMonth).atEndOfMonth();
    }

    /** True when the period ends after the month of {@code runDate}. */
    public boolean endsAfterMonthOf(LocalDate runDate) {
        return YearMonth.from(lastDay()).isAfter(YearMonth.from(runDate));
    }
}
