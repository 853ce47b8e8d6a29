package vn.memberstat.generate;

/**
 * Who a kind of organisation admits: the chance that a new member falls in each admission category.
 * Categories overlap (a woman student counts twice) and each is drawn from the total, so none exceeds it.
 */
record AdmissionProfile(
        double thptStudent,
        double universityStudent,
        double nonstateWorker,
        double businessOwner,
        double women,
        double youthUnion,
        double age18to30,
        double age31to35,
        double degree,
        double armedForces,
        double ethnicFactor) {

    static AdmissionProfile of(GrassrootsKind kind) {
        return switch (kind) {
            case COMMUNE, TOWNSHIP -> new AdmissionProfile(0.03, 0.02, 0.06, 0.02, 0.45, 0.7, 0.6, 0.4, 0.3, 0.06, 1.2);
            case WARD -> new AdmissionProfile(0.03, 0.04, 0.12, 0.04, 0.48, 0.7, 0.55, 0.4, 0.5, 0.04, 0.9);
            case SCHOOL_HIGH -> new AdmissionProfile(0.65, 0, 0, 0, 0.68, 0.96, 0.98, 0.5, 0.3, 0, 0.9);
            case SCHOOL -> new AdmissionProfile(0, 0, 0, 0, 0.75, 0.8, 0.6, 0.5, 0.9, 0, 0.9);
            case COLLEGE -> new AdmissionProfile(0, 0.5, 0, 0, 0.6, 0.95, 0.9, 0.5, 0.45, 0, 0.8);
            case UNIVERSITY -> new AdmissionProfile(0, 0.6, 0, 0, 0.6, 0.96, 0.95, 0.5, 0.4, 0, 0.7);
            case AGENCY -> new AdmissionProfile(0, 0, 0, 0, 0.5, 0.75, 0.45, 0.5, 0.92, 0, 0.7);
            case PUBLIC_SERVICE -> new AdmissionProfile(0, 0, 0, 0, 0.6, 0.75, 0.5, 0.5, 0.85, 0, 0.7);
            case ENTERPRISE_STATE -> new AdmissionProfile(0, 0, 0, 0, 0.35, 0.7, 0.5, 0.5, 0.6, 0, 0.5);
            case ENTERPRISE_NONSTATE -> new AdmissionProfile(0, 0, 0.8, 0.08, 0.45, 0.65, 0.55, 0.5, 0.4, 0, 0.5);
            case POLICE -> new AdmissionProfile(0, 0, 0, 0, 0.15, 0.92, 0.85, 0.6, 0.6, 0.98, 0.6);
            case MILITARY -> new AdmissionProfile(0, 0, 0, 0, 0.08, 0.92, 0.88, 0.6, 0.4, 0.98, 0.6);
        };
    }
}
