package vn.memberstat.common;

/**
 * A set of longs in one array, 16 bytes a member at most: the pull remembers every content it took in a
 * run by its 64-bit submission id, and a backlog of years is millions of files (a {@code HashSet<Long>}
 * would weigh some 50 bytes a member). Not thread-safe.
 */
public final class LongSet {
    private long[] slots = new long[1 << 10];
    private boolean hasZero;
    private int size;

    /** Adds {@code value}; false when it was already there. */
    public boolean add(long value) {
        if (value == 0) {   // 0 marks a free slot
            boolean added = !hasZero;
            hasZero = true;
            size += added ? 1 : 0;
            return added;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        return insert(slots, value);
    }

    public int size() {
        return size;
    }

    private boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = spread(value) & mask; ; i = (i + 1) & mask) {
            if (table[i] == value) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = value;
                if (table == slots) {
                    size++;
                }
                return true;
            }
        }
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (long v : slots) {
            if (v != 0) {
                insert(larger, v);
            }
        }
        slots = larger;
    }

    private static int spread(long value) {
        long h = value * 0x9E3779B97F4A7C15L;   // Fibonacci hashing: ids from a hash are spread already, others need it
        return (int) (h ^ (h >>> 32));
    }
}
