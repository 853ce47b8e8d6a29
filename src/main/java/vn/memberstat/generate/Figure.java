package vn.memberstat.generate;

/**
 * The 40 figures a grassroots organisation reports every month, in the order of the catalogue:
 * 35 flows (amounts over the period) and 5 stocks (values at its end).
 */
enum Figure {
    ADMITTED("admitted", "total"),
    ADMITTED_THPT_STUDENT("admitted", "thpt_student"),
    ADMITTED_UNIVERSITY_STUDENT("admitted", "university_student"),
    ADMITTED_NONSTATE_WORKER("admitted", "nonstate_enterprise_worker"),
    ADMITTED_BUSINESS_OWNER("admitted", "business_owner"),
    ADMITTED_WOMEN("admitted", "women"),
    ADMITTED_ETHNIC_MINORITY("admitted", "ethnic_minority"),
    ADMITTED_RELIGIOUS("admitted", "religious"),
    ADMITTED_YOUTH_UNION("admitted", "youth_union"),
    ADMITTED_AGE_18_30("admitted", "age_18_30"),
    ADMITTED_AGE_18_35("admitted", "age_18_35"),
    ADMITTED_DEGREE("admitted", "degree_university_plus"),
    ADMITTED_ARMED_FORCES("admitted", "armed_forces"),
    MADE_OFFICIAL("made_official", "total"),
    AWARENESS_CLASSES("awareness_classes", "classes"),
    AWARENESS_ATTENDEES("awareness_classes", "attendees"),
    NEW_MEMBER_CLASSES("new_member_classes", "classes"),
    NEW_MEMBER_ATTENDEES("new_member_classes", "attendees"),
    REVIEWED("reviewed", "total"),
    REMOVED("removed", "total"),
    REMOVED_EXPELLED("removed", "expelled"),
    REMOVED_STRUCK_OFF("removed", "struck_off"),
    REMOVED_BY_DECISION("removed", "removed_by_decision"),
    DECEASED("deceased", "total"),
    TRANSFERRED_IN("transferred_in", "total"),
    TRANSFERRED_OUT("transferred_out", "total"),
    BADGES("badges", "total"),
    BADGES_30("badges", "years_30"),
    BADGES_40("badges", "years_40"),
    BADGES_45("badges", "years_45"),
    BADGES_50("badges", "years_50"),
    BADGES_55("badges", "years_55"),
    BADGES_60("badges", "years_60"),
    BADGES_65("badges", "years_65"),
    BADGES_70("badges", "years_70"),
    MEMBERS("members", "total", true),
    MEMBERS_PROBATIONARY("members", "probationary", true),
    MEMBERS_OFFICIAL("members", "official", true),
    MEMBERS_WOMEN("members", "women", true),
    BRANCHES("branches", "total", true);

    static final Figure[] ALL = values();
    /** The badge categories in the order of their years. */
    static final Figure[] BADGE_YEARS = {BADGES_30, BADGES_40, BADGES_45, BADGES_50, BADGES_55, BADGES_60, BADGES_65, BADGES_70};

    private final String indicator;
    private final String category;
    private final boolean stock;

    Figure(String indicator, String category) {
        this(indicator, category, false);
    }

    Figure(String indicator, String category, boolean stock) {
        this.indicator = indicator;
        this.category = category;
        this.stock = stock;
    }

    String indicator() {
        return indicator;
    }

    String category() {
        return category;
    }

    boolean isStock() {
        return stock;
    }
}
