package vn.memberstat.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The membership books of one grassroots organisation, kept month by month from {@link #EPOCH}: who was
 * admitted, made official, removed, died or transferred, and the stocks that follow. Members always
 * balance: end = start + admitted + transferred in - removed - deceased - transferred out, and
 * official + probationary = total. A probationary member is made official twelve months after admission.
 *
 * <p>Each organisation draws from its own random stream, seeded by the generator's seed and its
 * serial, so its figures for a month do not depend on which months or provinces are generated.
 */
final class GrassrootsLedger {
    /** The books start here, whatever months are written; no month before it can be generated. */
    static final YearMonth EPOCH = YearMonth.of(2018, 1);
    private static final long STREAM = 0x1ED6E5L;
    private static final double DEATHS_PER_YEAR = 0.010;
    private static final double REMOVALS_PER_YEAR = 0.0022;
    private static final double TRANSFERS_PER_YEAR = 0.025;
    private static final double[] BADGES_PER_YEAR = {0.010, 0.007, 0.005, 0.004, 0.003, 0.002, 0.0012, 0.0007};
    private static final double OLDER_BADGES_PER_YEAR = 0.0006;

    private final Grassroots unit;
    private final AdmissionProfile profile;
    private final SplittableRandom rng;
    private final long[] admittedByMonthOfYear = new long[12];
    private final long[] yearToDate = new long[Figure.ALL.length];
    private long official;
    private long probationary;
    private long women;
    private long branches;
    private long membersLastDecember;
    private long mergedInPending;
    private YearMonth last;

    GrassrootsLedger(Grassroots unit, long seed) {
        this.unit = unit;
        this.profile = AdmissionProfile.of(unit.kind());
        this.rng = new SplittableRandom(Draws.mix(seed, unit.serial(), STREAM));
        GrassrootsKind kind = unit.kind();
        long total = kind.minMembers() + Math.round((kind.maxMembers() - kind.minMembers()) * Math.pow(rng.nextDouble(), 1.5));
        YearMonth before = EPOCH.minusMonths(12);
        for (int i = 0; i < 12; i++) {
            YearMonth m = before.plusMonths(i);
            admittedByMonthOfYear[m.getMonthValue() - 1] = Draws.poisson(rng, yearlyAdmissions(total) * Seasons.admissions(kind, m.getMonthValue()));
        }
        probationary = 0;
        for (long a : admittedByMonthOfYear) {
            probationary += a;
        }
        probationary = Math.min(probationary, total / 2);
        official = total - probationary;
        women = Math.round(total * Draws.uniform(rng, Math.max(0.05, profile.women() - 0.15), Math.min(0.9, profile.women() + 0.05)));
        branches = Math.max(1, Math.round(total / Draws.uniform(rng, 9, 18)));
        membersLastDecember = total;
        last = EPOCH.minusMonths(1);
    }

    Grassroots unit() {
        return unit;
    }

    long members() {
        return official + probationary;
    }

    /**
     * Takes over the members of a commune merged into this one on 1/7/2025, counted as transferred in
     * with the next month. Call before {@link #advance} for July 2025.
     */
    void absorb(GrassrootsLedger merged) {
        official += merged.official;
        probationary += merged.probationary;
        women += merged.women;
        branches += merged.branches;
        mergedInPending += merged.official + merged.probationary;
        for (int i = 0; i < 12; i++) {
            admittedByMonthOfYear[i] += merged.admittedByMonthOfYear[i];
        }
        merged.official = 0;
        merged.probationary = 0;
    }

    /** Books the next month and returns its figures. Months must come one after the other from {@link #EPOCH}. */
    MonthFigures advance() {
        YearMonth month = last.plusMonths(1);
        last = month;
        int m = month.getMonthValue();
        if (m == 1) {
            Arrays.fill(yearToDate, 0);
        }
        long[] f = new long[Figure.ALL.length];
        long total = members();

        long admitted = Draws.poisson(rng, yearlyAdmissions(total) * Seasons.admissions(unit.kind(), m));
        f[Figure.ADMITTED.ordinal()] = admitted;
        admissionCategories(f, admitted);

        int slot = m - 1;
        long madeOfficial = Math.min(admittedByMonthOfYear[slot], probationary);
        admittedByMonthOfYear[slot] = admitted;
        f[Figure.MADE_OFFICIAL.ordinal()] = madeOfficial;

        long transferredIn = Draws.poisson(rng, total * TRANSFERS_PER_YEAR * Seasons.transfers(m));
        long available = official + madeOfficial + transferredIn;
        long deceased = Math.min(available, Draws.poisson(rng, total * DEATHS_PER_YEAR / 12));
        long removed = Math.min(available - deceased, Draws.poisson(rng, total * REMOVALS_PER_YEAR * Seasons.removals(m)));
        long transferredOut = Math.min(available - deceased - removed,
                Draws.poisson(rng, total * TRANSFERS_PER_YEAR * Seasons.transfers(m)));
        f[Figure.TRANSFERRED_IN.ordinal()] = transferredIn + mergedInPending;
        mergedInPending = 0;
        f[Figure.DECEASED.ordinal()] = deceased;
        f[Figure.TRANSFERRED_OUT.ordinal()] = transferredOut;
        f[Figure.REMOVED.ordinal()] = removed;
        long expelled = Draws.binomial(rng, removed, 0.12);
        long struckOff = Draws.binomial(rng, removed - expelled, 0.66);
        f[Figure.REMOVED_EXPELLED.ordinal()] = expelled;
        f[Figure.REMOVED_STRUCK_OFF.ordinal()] = struckOff;
        f[Figure.REMOVED_BY_DECISION.ordinal()] = removed - expelled - struckOff;

        double womenShare = total == 0 ? profile.women() : (double) women / total;
        long outflow = deceased + removed + transferredOut;
        official = available - outflow;
        probationary += admitted - madeOfficial;
        women += f[Figure.ADMITTED_WOMEN.ordinal()] + Draws.binomial(rng, transferredIn, womenShare)
                - Draws.binomial(rng, outflow, womenShare);
        women = Math.max(0, Math.min(women, members()));
        if (rng.nextDouble() < 0.01) {
            branches = Math.max(1, branches + (rng.nextBoolean() ? 1 : -1));
        }

        f[Figure.REVIEWED.ordinal()] = m == unit.habits().reviewMonth()
                ? Math.round(members() * Draws.uniform(rng, 0.88, 1.0))
                : Draws.poisson(rng, members() * 0.004);
        classes(f, Figure.AWARENESS_CLASSES, Figure.AWARENESS_ATTENDEES, unit.kind().isCommuneLevel() ? 0.25 : 0.06, 5, 40);
        classes(f, Figure.NEW_MEMBER_CLASSES, Figure.NEW_MEMBER_ATTENDEES, 0.05 + Math.min(0.3, admitted * 0.05), 3, 25);
        badges(f, total, m);

        f[Figure.MEMBERS.ordinal()] = members();
        f[Figure.MEMBERS_PROBATIONARY.ordinal()] = probationary;
        f[Figure.MEMBERS_OFFICIAL.ordinal()] = official;
        f[Figure.MEMBERS_WOMEN.ordinal()] = women;
        f[Figure.BRANCHES.ordinal()] = branches;

        for (Figure figure : Figure.ALL) {
            int i = figure.ordinal();
            yearToDate[i] = figure.isStock() ? f[i] : yearToDate[i] + f[i];
        }
        List<Quota> quotas = quotas(month);
        if (m == 12) {
            membersLastDecember = members();
        }
        return new MonthFigures(month, f, yearToDate, quotas);
    }

    private double yearlyAdmissions(long members) {
        return members * unit.habits().quotaRate() * unit.habits().attainment();
    }

    private void admissionCategories(long[] f, long admitted) {
        AdmissionProfile p = profile;
        Province province = unit.province();
        f[Figure.ADMITTED_THPT_STUDENT.ordinal()] = Draws.binomial(rng, admitted, p.thptStudent());
        f[Figure.ADMITTED_UNIVERSITY_STUDENT.ordinal()] = Draws.binomial(rng, admitted, p.universityStudent());
        f[Figure.ADMITTED_NONSTATE_WORKER.ordinal()] = Draws.binomial(rng, admitted, p.nonstateWorker());
        f[Figure.ADMITTED_BUSINESS_OWNER.ordinal()] = Draws.binomial(rng, admitted, p.businessOwner());
        f[Figure.ADMITTED_WOMEN.ordinal()] = Draws.binomial(rng, admitted, p.women());
        f[Figure.ADMITTED_ETHNIC_MINORITY.ordinal()] = Draws.binomial(rng, admitted,
                Math.min(0.98, province.ethnicMinorityShare() * p.ethnicFactor()));
        f[Figure.ADMITTED_RELIGIOUS.ordinal()] = Draws.binomial(rng, admitted, province.religiousShare());
        f[Figure.ADMITTED_YOUTH_UNION.ordinal()] = Draws.binomial(rng, admitted, p.youthUnion());
        long age30 = Draws.binomial(rng, admitted, p.age18to30());
        f[Figure.ADMITTED_AGE_18_30.ordinal()] = age30;
        f[Figure.ADMITTED_AGE_18_35.ordinal()] = age30 + Draws.binomial(rng, admitted - age30, p.age31to35());
        f[Figure.ADMITTED_DEGREE.ordinal()] = Draws.binomial(rng, admitted, p.degree());
        f[Figure.ADMITTED_ARMED_FORCES.ordinal()] = Draws.binomial(rng, admitted, p.armedForces());
    }

    private void classes(long[] f, Figure classes, Figure attendees, double chance, int minAttendees, int maxAttendees) {
        if (rng.nextDouble() < chance) {
            int held = rng.nextInt(6) == 0 ? 2 : 1;
            f[classes.ordinal()] = held;
            f[attendees.ordinal()] = held * (minAttendees + rng.nextInt(maxAttendees - minAttendees + 1));
        }
    }

    private void badges(long[] f, long members, int month) {
        double share = Seasons.badges(month);
        if (share == 0) {
            return;
        }
        double age = unit.kind().isCommuneLevel() ? 1.5 : unit.kind() == GrassrootsKind.SCHOOL_HIGH ? 0.3 : 1.0;
        long total = 0;
        for (int i = 0; i < Figure.BADGE_YEARS.length; i++) {
            long n = Draws.poisson(rng, members * BADGES_PER_YEAR[i] * age * share);
            f[Figure.BADGE_YEARS[i].ordinal()] = n;
            total += n;
        }
        f[Figure.BADGES.ordinal()] = total + Draws.poisson(rng, members * OLDER_BADGES_PER_YEAR * age * share);
    }

    /**
     * The year's quota goes with the January figures; a congress term's quota with the first January
     * of the 2020-2025 term; from 2025 on, a term's quota is set ahead with the October figures of its
     * congress year (congresses are held in the autumn).
     */
    private List<Quota> quotas(YearMonth month) {
        List<Quota> quotas = new ArrayList<>();
        ReportingHabits h = unit.habits();
        int year = month.getYear();
        if (month.getMonthValue() == 1) {
            if (h.rateQuota()) {
                quotas.add(Quota.rate(year, Math.round(h.quotaRate() * 10_000) / 100.0));
            } else {
                long total = Math.max(1, Math.round(membersLastDecember * h.quotaRate()));
                quotas.add(Quota.count(Integer.toString(year), "total", total));
                for (String category : h.quotaCategories()) {
                    double share = switch (category) {
                        case "women" -> 0.45;
                        case "youth_union" -> 0.6;
                        case "armed_forces" -> 0.9;
                        default -> 0.7;
                    };
                    quotas.add(Quota.count(Integer.toString(year), category, Math.round(total * share)));
                }
            }
        }
        if (month.getMonthValue() == 1 && year % 5 == 1 && year <= 2021) {
            quotas.add(Quota.count((year - 1) + "-" + (year + 4), "total", termQuota()));
        }
        if (month.getMonthValue() == 10 && year % 5 == 0 && year >= 2025) {
            quotas.add(Quota.count(year + "-" + (year + 5), "total", termQuota()));
        }
        return quotas;
    }

    private long termQuota() {
        return Math.max(5, Math.round(members() * unit.habits().quotaRate() * 5));
    }
}
