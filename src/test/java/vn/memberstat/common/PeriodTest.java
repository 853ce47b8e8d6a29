package vn.memberstat.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.RowRejectedException;

final class PeriodTest {
    @ParameterizedTest
    @CsvSource({
        "2024, YEAR, 2024, 1, 12, 2024",
        "2024-05, MONTH, 2024, 5, 5, 2024-05",
        "2024-5, MONTH, 2024, 5, 5, 2024-05",
        "2024-Q2, QUARTER, 2024, 4, 6, 2024-Q2",
        "2024-q4, QUARTER, 2024, 10, 12, 2024-Q4",
        "2024-H1, HALF, 2024, 1, 6, 2024-H1",
        "2024-h2, HALF, 2024, 7, 12, 2024-H2",
        "2024-01..2024-04, RANGE, 2024, 1, 4, 2024-01..2024-04",
        "' 2024-01 .. 2024-04 ', RANGE, 2024, 1, 4, 2024-01..2024-04",
        "2024-01..2024-03, QUARTER, 2024, 1, 3, 2024-Q1",
        "2024-07..2024-12, HALF, 2024, 7, 12, 2024-H2",
        "2024-01..2024-12, YEAR, 2024, 1, 12, 2024",
        "2024-06..2024-06, MONTH, 2024, 6, 6, 2024-06",
    })
    void calendarPeriodsAreCanonical(String text, PeriodKind kind, int year, int from, int to, String code) {
        Period p = Period.parse(text);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.year()).isEqualTo(year);
        assertThat(p.startMonth()).isEqualTo(from);
        assertThat(p.endMonth()).isEqualTo(to);
        assertThat(p.code()).isEqualTo(code);
    }

    @Test
    void aTermCountsTheFivePlanYearsAfterTheCongress() {
        Period term = Period.parse("2020-2025");
        assertThat(term.kind()).isEqualTo(PeriodKind.TERM);
        assertThat(term.year()).isEqualTo(2021);
        assertThat(term.endYear()).isEqualTo(2025);
        assertThat(term.code()).isEqualTo("2020-2025");
        assertThat(term.firstDay()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(term.lastDay()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(Period.termCodeOf(2021)).isEqualTo("2020-2025");
        assertThat(Period.termCodeOf(2025)).isEqualTo("2020-2025");
        assertThat(Period.termCodeOf(2026)).isEqualTo("2025-2030");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-13|month 13 is not 1 to 12",
        "2024-00|month 0 is not 1 to 12",
        "2024-Q5|quarter must be Q1 to Q4",
        "2024-H3|half must be H1 or H2",
        "2024-04..2024-01|must not run backwards",
        "2023-11..2024-02|within one year",
        "2020-2024|congress term spans five years",
        "1900|outside",
        "24-05|not a period",
        "May 2024|not a period",
        "2024/05|not a period",
    })
    void badPeriodsAreRejectedWithAReason(String text, String why) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOfSatisfying(RowRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReasonCode.BAD_PERIOD);
                    assertThat(e.detail()).contains(why);
                });
    }

    @Test
    void emptyPeriodIsBad() {
        assertThatThrownBy(() -> Period.parse(" ")).isInstanceOf(RowRejectedException.class).hasMessageContaining("empty");
    }

    @Test
    void futureIsJudgedByTheMonthOfTheRun() {
        LocalDate run = LocalDate.of(2026, 3, 15);
        assertThat(Period.parse("2026-03").endsAfterMonthOf(run)).isFalse();
        assertThat(Period.parse("2026-04").endsAfterMonthOf(run)).isTrue();
        assertThat(Period.parse("2026-Q1").endsAfterMonthOf(run)).isFalse();
        assertThat(Period.parse("2026-H1").endsAfterMonthOf(run)).isTrue();
        assertThat(Period.parse("2026").endsAfterMonthOf(run)).isTrue();
    }
}
