package vn.memberstat.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongSetTest {
    @Test
    void agreesWithAHashSetThroughGrowthIncludingZeroAndNegatives() {
        LongSet set = new LongSet();
        Set<Long> expected = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // few distinct values among the small ones, so repeats are common; ids from hashes span all 64 bits
            long v = i % 3 == 0 ? random.nextInt(5_000) - 2_500 : random.nextLong();
            assertThat(set.add(v)).as("add %d", v).isEqualTo(expected.add(v));
        }
        assertThat(set.size()).isEqualTo(expected.size());
        assertThat(set.add(0)).isFalse();
        for (long v : expected) {
            assertThat(set.add(v)).isFalse();
        }
    }

    @Test
    void submissionIdsTakenOnce() {
        LongSet set = new LongSet();
        assertThat(set.add(Long.parseUnsignedLong("ffffffffffffffff", 16))).isTrue();
        assertThat(set.add(Long.parseUnsignedLong("ffffffffffffffff", 16))).isFalse();
        assertThat(set.add(Long.parseUnsignedLong("0000000000000000", 16))).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }
}
