package vn.memberstat.run;

import java.util.List;

/**
 * Where normalise hands the run's values on: the lake, which stores them under temporary names until its own
 * step commits them. The job wiring connects normalise to the lake's implementation.
 */
public interface ValueLake {
    /** Drops what an earlier attempt of the run wrote and never committed. */
    void discard(RunContext run);

    /** A writer of the run's values, taken by many threads at once. */
    Writer open(RunContext run);

    /** Values of one run on their way into the lake; closing it leaves them temporary. */
    interface Writer extends AutoCloseable {
        /** Safe to call from many threads. */
        void write(List<NormalisedValue> values);

        @Override
        void close();
    }
}
