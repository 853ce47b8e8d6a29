package vn.memberstat.common;

/**
 * Where a stage says how far it got (files hashed, files read): the job's progress display listens while a
 * stage runs; otherwise nobody does and a report costs one volatile read. One run per process, so one listener.
 */
public final class Progress {
    /** Told of work done, from any thread. */
    public interface Sink {
        void advance(long done);
    }

    private static final Sink NONE = done -> {};
    private static volatile Sink sink = NONE;

    private Progress() {}

    public static void advance(long done) {
        sink.advance(done);
    }

    /** Listens from now on; {@code null} stops listening. */
    public static void listen(Sink listener) {
        sink = listener == null ? NONE : listener;
    }
}
