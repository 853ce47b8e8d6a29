package vn.memberstat.generate;

import java.util.SplittableRandom;

/**
 * The mistakes people make in one file, at a controlled rate: a value that is no valid number
 * ({@code 12.5}, {@code 3,5} for a count, {@code ~7}), a mistyped unit code (a letter O for a zero), or a
 * period that is no period ({@code 2024-17}, {@code T5/2024}). Each spoils exactly one value, so
 * every one of them is quarantined with its own reason.
 */
final class Blunders {
    /** What a spoiled value is quarantined as. */
    enum Kind { BAD_VALUE, UNKNOWN_UNIT, BAD_PERIOD }

    private static final char[] LOOK_ALIKES = {'O', 'I', 'Z', 'E', 'A', 'S', 'G', 'T', 'B', 'Q'};
    private final SplittableRandom rng;
    private final double rate;
    private final long[] counts = new long[Kind.values().length];

    Blunders(SplittableRandom rng, double rate) {
        this.rng = rng;
        this.rate = rate;
    }

    /** Whether the next value is spoiled, and how; null for a good value. Unit and period mistakes need a row of their own. */
    Kind next(boolean wholeRow) {
        if (rate <= 0 || rng.nextDouble() >= rate) {
            return null;
        }
        Kind kind = !wholeRow ? Kind.BAD_VALUE : switch (rng.nextInt(4)) {
            case 0 -> Kind.UNKNOWN_UNIT;
            case 1 -> Kind.BAD_PERIOD;
            default -> Kind.BAD_VALUE;
        };
        counts[kind.ordinal()]++;
        return kind;
    }

    long count(Kind kind) {
        return counts[kind.ordinal()];
    }

    long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** A value the contract rejects as BAD_VALUE: a dot that is no thousands separator, a fraction of a count, a tilde. */
    String badValue(String text, boolean count) {
        String digits = text.replace(".", "");
        return switch (rng.nextInt(count ? 3 : 2)) {
            case 0 -> digits + ".5";
            case 1 -> "~" + text;
            default -> digits + ",5";
        };
    }

    /** The unit code with the first digit of its last part typed as a look-alike letter: no such unit exists. */
    static String mistypedUnit(String code) {
        int start = code.lastIndexOf('.') + 1;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c >= '0' && c <= '9') {
                return code.substring(0, i) + LOOK_ALIKES[c - '0'] + code.substring(i + 1);
            }
        }
        return code + "?";
    }

    /** A period the contract rejects as BAD_PERIOD. */
    String badPeriod(String period) {
        if (period.matches("\\d{4}-\\d{2}")) {
            int year = Integer.parseInt(period.substring(0, 4));
            int month = Integer.parseInt(period.substring(5));
            return rng.nextBoolean() ? "%d-%02d".formatted(year, month + 12) : "T" + month + "/" + year;
        }
        return "Kỳ " + period;
    }
}
