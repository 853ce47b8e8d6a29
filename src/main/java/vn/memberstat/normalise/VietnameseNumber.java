package vn.memberstat.normalise;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.RowRejectedException;

/**
 * Numbers as Vietnamese spreadsheets write them: {@code .} groups thousands, {@code ,} marks decimals.
 * {@code 20.772} is 20772, {@code 3,25} is 3.25, {@code 1.234,5} is 1234.5. A dot that does not
 * separate groups of three digits makes the value ambiguous, so {@code 12.5} is rejected.
 */
public final class VietnameseNumber {
    private static final Pattern PLAIN = Pattern.compile("\\d+(,\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    /** Counts above this are typing errors, not party statistics (the whole party has under 6 million members). */
    public static final long MAX_COUNT = 1_000_000_000L;

    private VietnameseNumber() {}

    /**
     * The value of {@code text}; {@code integer} requires a whole number (a count).
     *
     * @throws RowRejectedException with {@link ReasonCode#BAD_VALUE} when it is no valid value
     */
    public static double parse(String text, boolean integer) {
        if (text == null || text.isBlank()) {
            throw bad(text, "value is empty");
        }
        String s = text.strip();
        if (integer && s.length() <= 9 && isDigits(s)) {
            return Long.parseLong(s); // the common case: a plain count, below MAX_COUNT by length
        }
        boolean percent = s.endsWith("%");
        if (percent) {
            if (integer) {
                throw bad(text, "a count cannot be a percentage");
            }
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.startsWith("-")) {
            throw bad(text, "values must not be negative");
        }
        String canonical;
        if (PLAIN.matcher(s).matches()) {
            canonical = s.replace(',', '.');
        } else if (GROUPED.matcher(s).matches()) {
            canonical = s.replace(".", "").replace(',', '.');
        } else if (s.indexOf('.') >= 0 && s.matches("\\d+\\.\\d+")) {
            throw bad(text, "a dot separates thousands in groups of three digits; write a decimal with a comma (12,5)");
        } else {
            throw bad(text, "not a number");
        }
        BigDecimal value = new BigDecimal(canonical);
        if (integer) {
            if (value.stripTrailingZeros().scale() > 0) {
                throw bad(text, "a count must be a whole number");
            }
            if (value.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
                throw bad(text, "count exceeds " + MAX_COUNT);
            }
        } else if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw bad(text, "a rate is a per cent from 0 to 100");
        }
        return value.doubleValue();
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static RowRejectedException bad(String text, String why) {
        return new RowRejectedException(ReasonCode.BAD_VALUE, "value '" + (text == null ? "" : text) + "': " + why);
    }
}
