package vn.memberstat.common;

/** The period forms of the submission contract. */
public enum PeriodKind {
    YEAR, QUARTER, HALF, MONTH, RANGE, TERM;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
