package vn.memberstat.generate;

import java.time.YearMonth;
import java.util.SplittableRandom;

/** The random stream of one organisation's paperwork for a month: whether it is corrected, and its blunders. */
final class Paper {
    private static final long STREAM = 0x9A9E7L;

    private Paper() {}

    static SplittableRandom random(long seed, Grassroots unit, YearMonth month) {
        return new SplittableRandom(Draws.mix(seed, unit.serial(), month.getYear() * 12L + month.getMonthValue(), STREAM));
    }
}
