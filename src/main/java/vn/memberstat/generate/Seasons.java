package vn.memberstat.generate;

/**
 * When things happen in the party year. Admissions peak around the party's founding day (3/2) and
 * President Hồ Chí Minh's birthday (19/5), and again at the year's end when quotas fall due; badges
 * are awarded on 3/2, 19/5, 2/9 and 7/11; transfers follow the school year.
 */
final class Seasons {
    private static final double[] ADMISSIONS = {0.6, 1.6, 1.1, 0.9, 1.7, 1.0, 0.7, 0.7, 1.2, 0.9, 0.8, 1.4};
    private static final double ADMISSIONS_SUM = sum(ADMISSIONS);
    /** High schools admit students before they graduate: mostly in spring, none in the summer holidays. */
    private static final double[] HIGH_SCHOOL = {0.3, 1.5, 1.5, 2.0, 4.0, 0.5, 0, 0, 0.3, 0.6, 0.6, 0.7};
    private static final double HIGH_SCHOOL_SUM = sum(HIGH_SCHOOL);
    private static final double[] BADGES = {0, 1.0, 0, 0, 0.6, 0, 0, 0, 0.8, 0, 0.6, 0};
    private static final double[] TRANSFERS = {0.8, 0.7, 0.9, 0.9, 0.9, 1.1, 1.5, 1.6, 1.4, 0.9, 0.7, 0.6};
    private static final double[] REMOVALS = {1.3, 0.5, 0.8, 0.9, 0.9, 1.0, 0.9, 0.9, 1.0, 1.0, 1.1, 2.7};

    private static final double TRANSFERS_SUM = sum(TRANSFERS);
    private static final double REMOVALS_SUM = sum(REMOVALS);

    private Seasons() {}

    /** The share of a year's admissions that falls in {@code month} (1-12). */
    static double admissions(GrassrootsKind kind, int month) {
        return kind == GrassrootsKind.SCHOOL_HIGH
                ? HIGH_SCHOOL[month - 1] / HIGH_SCHOOL_SUM
                : ADMISSIONS[month - 1] / ADMISSIONS_SUM;
    }

    /** The share of a year's badges awarded in {@code month}; the four occasions add up to 3. */
    static double badges(int month) {
        return BADGES[month - 1] / 3.0;
    }

    static double transfers(int month) {
        return TRANSFERS[month - 1] / TRANSFERS_SUM;
    }

    static double removals(int month) {
        return REMOVALS[month - 1] / REMOVALS_SUM;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
