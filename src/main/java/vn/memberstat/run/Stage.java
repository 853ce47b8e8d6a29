package vn.memberstat.run;

/** The steps of the nightly job, in order. Their names appear in status, the job repository and fail-at/crash-at. */
public enum Stage {
    PULL, NORMALISE, LAKE, LOAD, DERIVE, CHECK, PUBLISH;

    public String stepName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
