package vn.memberstat.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class WorkerPoolTest {
    @Test
    void mapKeepsTheItemsOrderWhateverThreadFinishesFirst() throws InterruptedException {
        List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
        try (WorkerPool pool = new WorkerPool(8)) {
            List<Integer> squares = pool.map(items, i -> {
                if (i % 7 == 0) {
                    Thread.onSpinWait();
                }
                return i * i;
            });
            assertThat(squares).isEqualTo(items.stream().map(i -> i * i).toList());
        }
    }

    @Test
    void mapRethrowsTheFailureAsItWasThrown() {
        try (WorkerPool pool = new WorkerPool(4)) {
            assertThatThrownBy(() -> pool.map(List.of(1, 2, 3), i -> {
                if (i == 2) {
                    throw new RowRejectedException(ReasonCode.BAD_VALUE, "item 2");
                }
                return i;
            })).isInstanceOf(RowRejectedException.class).hasMessage("item 2");
        }
    }

    @Test
    void forEachGivesEveryItemToOneWorkerAndStopsAtTheFirstFailure() throws InterruptedException {
        AtomicLong sum = new AtomicLong();
        try (WorkerPool pool = new WorkerPool(3)) {
            pool.<Integer>forEach("numbers", put -> IntStream.rangeClosed(1, 10_000).forEach(put::accept), sum::addAndGet);
            assertThat(sum.get()).isEqualTo(10_000L * 10_001 / 2);

            assertThatThrownBy(() -> pool.<Integer>forEach("numbers", put -> IntStream.rangeClosed(1, 1_000_000).forEach(put::accept),
                    i -> {
                        if (i == 500) {
                            throw new IllegalStateException("worker failed at 500");
                        }
                    })).isInstanceOf(IllegalStateException.class).hasMessage("worker failed at 500");
        }
    }
}
