package vn.memberstat.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The modified times a unit would give the inbox's files: the monthly file between the 5th and 7th of the
 * next month, a correction on the 20th, both at least an hour before now and corrections always later.
 */
final class FileTimes {
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private final Instant latest;

    FileTimes(Instant now) {
        this.latest = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The registry: the day before the first month written. */
    Instant registry(YearMonth first) {
        return clamp(first.atDay(1).minusDays(1).atTime(8, 0).toInstant(VIETNAM));
    }

    /** The backfill file: the 10th of the month after the last written. */
    Instant backfill(YearMonth last) {
        return clamp(last.plusMonths(1).atDay(10).atTime(8, 0).toInstant(VIETNAM));
    }

    /** A unit's monthly file, spread over three days by its serial; a day before its correction at the latest. */
    Instant sent(Grassroots unit, YearMonth month) {
        Instant sent = clamp(month.plusMonths(1).atDay(5).atTime(8, 0).toInstant(VIETNAM)
                .plus(Duration.ofMinutes(Math.floorMod(unit.serial() * 37L, 3 * 24 * 60))));
        Instant corrected = corrected(unit, month);
        return sent.isBefore(corrected) ? sent : corrected.minus(Duration.ofDays(1));
    }

    /** A unit's correction of a month, spread over ten hours of the 20th by its serial. */
    Instant corrected(Grassroots unit, YearMonth month) {
        return clamp(month.plusMonths(1).atDay(20).atTime(9, 0).toInstant(VIETNAM)
                .plus(Duration.ofMinutes(Math.floorMod(unit.serial() * 13L, 600))));
    }

    private Instant clamp(Instant t) {
        return t.isAfter(latest) ? latest : t;
    }
}
