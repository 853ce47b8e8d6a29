package vn.memberstat.common;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one copy of texts that recur across many files, such as header lines: a year's inbox holds
 * 175,000 report forms with a handful of distinct 2,000-character headers. Bounded, so texts that do
 * not recur cost no more than a fixed table.
 */
public final class StringPool {
    private final int capacity;
    private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>();

    public StringPool(int capacity) {
        this.capacity = capacity;
    }

    /** The pooled copy of {@code text} (null for null); thread-safe. */
    public String of(String text) {
        if (text == null) {
            return null;
        }
        String known = pool.get(text);
        if (known != null) {
            return known;
        }
        if (pool.size() >= capacity) {
            return text;
        }
        known = pool.putIfAbsent(text, text);
        return known == null ? text : known;
    }
}
