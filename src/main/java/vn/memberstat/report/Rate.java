package vn.memberstat.report;

/** "12000 of 52020 files (23%), 2100 files/s, about 19 s left", for a progress line. */
final class Rate {
    private Rate() {}

    static String describe(long done, long total, String unit, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 0.001);
        double perSecond = done / seconds;
        StringBuilder s = new StringBuilder();
        s.append(done);
        if (total > 0) {
            s.append(" of ").append(total);
        }
        s.append(' ').append(unit);
        if (total > 0) {
            s.append(" (").append(Math.min(100, done * 100 / total)).append("%)");
        }
        s.append(", ").append(Math.round(perSecond)).append(' ').append(unit).append("/s");
        if (total > 0 && perSecond > 0 && done < total) {
            s.append(", about ").append(Math.round((total - done) / perSecond)).append(" s left");
        }
        return s.toString();
    }
}
