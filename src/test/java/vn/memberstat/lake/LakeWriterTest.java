package vn.memberstat.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.run.NormalisedValue;
import vn.memberstat.common.Period;

/** Threads writing at once get a part each; commit, files and discard see every part of the run and no other run's. */
final class LakeWriterTest {
    @TempDir
    Path lake;

    @Test
    void threadsWritingAtOnceEachGetAPartAndNothingIsLost() throws Exception {
        Files.createDirectories(lake.resolve("year=2024"));
        Files.writeString(lake.resolve("year=2024/run-2024-06-04.parquet"), "an earlier run's file, left alone");
        CyclicBarrier bothInside = new CyclicBarrier(2);
        CountDownLatch done = new CountDownLatch(2);
        List<Throwable> failures = new ArrayList<>();
        try (LakeWriter writer = new LakeWriter(lake, "2024-06-05")) {
            for (int t = 0; t < 2; t++) {
                int thread = t;
                new Thread(() -> {
                    try {
                        // both threads hold a part before either writes a value: the second cannot reuse the first's
                        writer.write(new MeetingList(values(thread, 0, 1000, "2024-05", "2023-12"), bothInside));
                        writer.write(values(thread, 1000, 500, "2024-04"));
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            done.await();
            assertThat(failures).isEmpty();
            assertThat(writer.years()).containsExactly(2023, 2024);
        }
        assertThat(LakeWriter.files(lake, "2024-06-05")).as("nothing is final before commit").isEmpty();

        List<Path> committed = LakeWriter.commit(lake, "2024-06-05");

        assertThat(committed).extracting(p -> lake.relativize(p).toString()).containsExactlyInAnyOrder(
                "year=2023/run-2024-06-05.parquet", "year=2023/run-2024-06-05.1.parquet",
                "year=2024/run-2024-06-05.parquet", "year=2024/run-2024-06-05.1.parquet");
        assertThat(LakeWriter.commit(lake, "2024-06-05")).as("committing again changes nothing").isEqualTo(committed);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select year, count(*), count(distinct submission_id || line_number) from read_parquet(["
                        + committed.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ")) + "]) group by all order by year")) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).containsExactly(2023, 1000, 1000);
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).containsExactly(2024, 2000, 2000);
        }

        LakeWriter.discard(lake, "2024-06-05");
        assertThat(LakeWriter.files(lake, "2024-06-05")).isEmpty();
        assertThat(lake.resolve("year=2024/run-2024-06-04.parquet")).as("another run's file").exists();
    }

    /** Values of lines {@code first..first+count-1} of submission {@code s<thread>}, spread over the periods. */
    private static List<NormalisedValue> values(int thread, int first, int count, String... periods) {
        List<NormalisedValue> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(new NormalisedValue("s" + thread, first + i, "HN.TX", Period.parse(periods[i % periods.length]),
                    "admitted", "total", i, null, null));
        }
        return values;
    }

    /** A list whose iteration waits until another thread iterates one too. */
    private static final class MeetingList extends AbstractList<NormalisedValue> {
        private final List<NormalisedValue> values;
        private final CyclicBarrier barrier;

        MeetingList(List<NormalisedValue> values, CyclicBarrier barrier) {
            this.values = values;
            this.barrier = barrier;
        }

        @Override
        public Iterator<NormalisedValue> iterator() {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other writer never came", e);
            }
            return values.iterator();
        }

        @Override
        public NormalisedValue get(int index) {
            return values.get(index);
        }

        @Override
        public int size() {
            return values.size();
        }
    }
}
