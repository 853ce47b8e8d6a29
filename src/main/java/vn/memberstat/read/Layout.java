package vn.memberstat.read;

/** The three file layouts of the submission contract; the header row decides. */
public enum Layout {
    REGISTRY, LONG, REPORT_FORM;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
