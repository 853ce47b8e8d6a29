package vn.memberstat.generate;

/**
 * The kinds of grassroots party organisation the generator creates, with the catalogue's unit type,
 * the letters their codes start with, their usual size, and who they admit.
 */
enum GrassrootsKind {
    COMMUNE("commune", "X", 180, 520),
    WARD("ward", "P", 220, 780),
    TOWNSHIP("township", "TT", 160, 480),
    SCHOOL_HIGH("school_high", "THPT", 14, 46),
    SCHOOL("school", "TH", 8, 28),
    COLLEGE("college", "CD", 25, 90),
    UNIVERSITY("university", "DH", 80, 420),
    AGENCY("agency", "CQ", 10, 70),
    PUBLIC_SERVICE("public_service", "SN", 10, 60),
    ENTERPRISE_STATE("enterprise_state", "DNNN", 20, 260),
    ENTERPRISE_NONSTATE("enterprise_nonstate", "DN", 5, 55),
    POLICE("police", "CA", 30, 160),
    MILITARY("military", "QS", 30, 180);

    private final String unitType;
    private final String codePrefix;
    private final int minMembers;
    private final int maxMembers;

    GrassrootsKind(String unitType, String codePrefix, int minMembers, int maxMembers) {
        this.unitType = unitType;
        this.codePrefix = codePrefix;
        this.minMembers = minMembers;
        this.maxMembers = maxMembers;
    }

    String unitType() {
        return unitType;
    }

    String codePrefix() {
        return codePrefix;
    }

    int minMembers() {
        return minMembers;
    }

    int maxMembers() {
        return maxMembers;
    }

    boolean isCommuneLevel() {
        return this == COMMUNE || this == WARD || this == TOWNSHIP;
    }
}
