package vn.memberstat.report;

/** How a running job shows how far it got, one stage at a time: bars on a terminal, a few lines elsewhere, or nothing. */
public interface ProgressDisplay {
    /** A stage starts; {@code total} is what it will do in {@code unit}, or -1 when not known ahead. */
    void stageStarted(String stage, long total, String unit);

    /** Work done in the running stage, from any thread. */
    void advance(long done);

    void stageEnded(String stage, String status);

    /** {@code --quiet}: the summary only. */
    ProgressDisplay NONE = new ProgressDisplay() {
        @Override
        public void stageStarted(String stage, long total, String unit) {}

        @Override
        public void advance(long done) {}

        @Override
        public void stageEnded(String stage, String status) {}
    };
}
