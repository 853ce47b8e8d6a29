package vn.memberstat.generate;

import java.time.LocalDate;
import java.time.YearMonth;

/** The 2025 restructuring: districts abolished, provinces and communes merged, from 1/7/2025. */
final class Restructuring {
    static final LocalDate LAST_DAY_BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate FIRST_DAY_AFTER = LocalDate.of(2025, 7, 1);
    static final YearMonth FIRST_MONTH_AFTER = YearMonth.of(2025, 7);

    private Restructuring() {}

    static boolean after(YearMonth month) {
        return !month.isBefore(FIRST_MONTH_AFTER);
    }
}
