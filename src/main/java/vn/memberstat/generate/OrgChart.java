package vn.memberstat.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a province's organisation chart: the provincial committee, its bloc, its districts and their
 * grassroots organisations, and the 2025 restructuring of all of them. About 8% of the grassroots
 * organisations sit in the bloc; the rest are spread over one district per 68, a fifth of them communes
 * or wards, which merge in groups of about three on 1/7/2025.
 */
final class OrgChart {
    private static final double BLOC_SHARE = 0.08;
    private static final double ORGS_PER_DISTRICT = 68;
    private static final double COMMUNE_SHARE = 0.22;
    private static final GrassrootsKind[] DISTRICT_KINDS = {GrassrootsKind.SCHOOL_HIGH, GrassrootsKind.SCHOOL,
            GrassrootsKind.AGENCY, GrassrootsKind.PUBLIC_SERVICE, GrassrootsKind.ENTERPRISE_STATE,
            GrassrootsKind.ENTERPRISE_NONSTATE, GrassrootsKind.POLICE, GrassrootsKind.MILITARY};
    private static final int[] DISTRICT_WEIGHTS = {8, 16, 24, 12, 3, 22, 8, 7};
    private static final GrassrootsKind[] BLOC_KINDS = {GrassrootsKind.AGENCY, GrassrootsKind.PUBLIC_SERVICE,
            GrassrootsKind.ENTERPRISE_STATE, GrassrootsKind.COLLEGE, GrassrootsKind.UNIVERSITY};
    private static final int[] BLOC_WEIGHTS = {40, 18, 22, 12, 8};
    private static final long CHART_STREAM = 0xC4A27L;
    private static final LocalDate LAST_FOUNDING = LocalDate.of(2017, 12, 31);

    private final long seed;

    OrgChart(long seed) {
        this.seed = seed;
    }

    /** The chart of the province at position {@code index} (0-based) with {@code grassrootsCount} organisations. */
    ProvinceChart build(Province province, int index, int grassrootsCount) {
        SplittableRandom rng = new SplittableRandom(Draws.mix(seed, index, CHART_STREAM));
        List<RegistryRow> rows = new ArrayList<>();
        List<Grassroots> orgs = new ArrayList<>();
        String after = province.codeAfterMerger();
        rows.add(new RegistryRow(province.code(), province.committeeName(), null, 1, province.unitType(), province.validFrom(),
                province.merged() ? Restructuring.LAST_DAY_BEFORE : null, province.successorCode()));

        int blocCount = grassrootsCount >= 10 ? (int) Math.round(grassrootsCount * BLOC_SHARE) : 0;
        int districtOrgs = grassrootsCount - blocCount;
        int districts = Math.max(1, (int) Math.round(districtOrgs / ORGS_PER_DISTRICT));
        int serialBase = (index + 1) * 100_000;
        int next = 0;

        String bloc = province.code() + ".KCQ";
        rows.add(new RegistryRow(bloc, "Đảng bộ Khối Cơ quan - Doanh nghiệp " + province.placeName(), province.code(), 2, "bloc",
                province.validFrom(), province.merged() ? Restructuring.LAST_DAY_BEFORE : null,
                province.merged() ? after + ".KCQ" : null));
        for (int i = 0; i < blocCount; i++) {
            GrassrootsKind kind = pick(rng, BLOC_KINDS, BLOC_WEIGHTS);
            String code = bloc + "." + kind.codePrefix() + "%03d".formatted(i + 1);
            String name = VietnameseNames.grassroots(rng, kind, province.placeName(), VietnameseNames.place(rng), true);
            Grassroots.Fate fate = province.merged() ? Grassroots.Fate.MOVES : Grassroots.Fate.STAYS;
            orgs.add(new Grassroots(serialBase + next++, code, kind, name, province, bloc, founding(rng, kind, province), fate,
                    name, kind.unitType(), province.merged() ? after + ".KCQ" : null, null, habits(rng, kind)));
        }

        for (int d = 0; d < districts; d++) {
            int count = districtOrgs / districts + (d < districtOrgs % districts ? 1 : 0);
            District district = district(rng, province, d, districts);
            List<Grassroots> communes = new ArrayList<>();
            List<Grassroots> others = new ArrayList<>();
            int communeCount = count < 2 ? count : Math.max(1, (int) Math.round(count * COMMUNE_SHARE));
            int number = 0;
            for (int i = 0; i < count; i++) {
                GrassrootsKind kind = i < communeCount ? district.communeKind(rng, i) : pick(rng, DISTRICT_KINDS, DISTRICT_WEIGHTS);
                String code = district.code + "." + kind.codePrefix() + "%03d".formatted(++number);
                String place = VietnameseNames.place(rng);
                String name = VietnameseNames.grassroots(rng, kind, district.area, place, false);
                Grassroots org = new Grassroots(serialBase + next++, code, kind, name, province, district.code,
                        founding(rng, kind, province), Grassroots.Fate.MOVES, name, kind.unitType(), after, null, habits(rng, kind));
                (kind.isCommuneLevel() ? communes : others).add(org);
            }
            List<Grassroots> merged = mergeCommunes(rng, communes, district, after);
            String successor = merged.isEmpty() ? after : merged.get(0).code();
            rows.add(new RegistryRow(district.code, district.name, province.code(), 2, district.type, province.validFrom(),
                    Restructuring.LAST_DAY_BEFORE, successor));
            orgs.addAll(merged);
            orgs.addAll(others);
        }
        orgs.sort(Comparator.comparingInt(Grassroots::serial));
        for (Grassroots g : orgs) {
            rows.addAll(g.registryRows());
        }
        return new ProvinceChart(province, index, rows, orgs);
    }

    /**
     * Communes merge in groups of two to four: the first of a group carries on as the new commune
     * committee (renamed "Đảng ủy xã/phường", under the province), the others end with it as successor.
     */
    private static List<Grassroots> mergeCommunes(SplittableRandom rng, List<Grassroots> communes, District district, String after) {
        List<Grassroots> result = new ArrayList<>();
        int i = 0;
        boolean first = true;
        while (i < communes.size()) {
            int size = 2 + (rng.nextInt(4) == 0 ? 0 : rng.nextInt(3) == 0 ? 2 : 1);
            List<Grassroots> group = communes.subList(i, Math.min(communes.size(), i + size));
            Grassroots survivor = group.get(0);
            boolean ward = survivor.kind() == GrassrootsKind.WARD;
            String newPlace = first ? district.place : VietnameseNames.place(rng);
            first = false;
            result.add(new Grassroots(survivor.serial(), survivor.code(), survivor.kind(), survivor.name(), survivor.province(),
                    survivor.parentCode(), survivor.validFrom(), Grassroots.Fate.MOVES,
                    (ward ? "Đảng ủy phường " : "Đảng ủy xã ") + newPlace, ward ? "ward" : "commune", after, null,
                    survivor.habits()));
            for (Grassroots g : group.subList(1, group.size())) {
                result.add(new Grassroots(g.serial(), g.code(), g.kind(), g.name(), g.province(), g.parentCode(), g.validFrom(),
                        Grassroots.Fate.MERGED, null, null, null, survivor.code(), g.habits()));
            }
            i += group.size();
        }
        return result;
    }

    private record District(String code, String name, String type, String area, String place, boolean urban) {
        GrassrootsKind communeKind(SplittableRandom rng, int i) {
            if (urban) {
                return GrassrootsKind.WARD;
            }
            if (i == 0 && type.equals("rural_district")) {
                return GrassrootsKind.TOWNSHIP;
            }
            return type.equals("rural_district") || rng.nextInt(3) == 0 ? GrassrootsKind.COMMUNE : GrassrootsKind.WARD;
        }
    }

    private static District district(SplittableRandom rng, Province province, int d, int districts) {
        String code = province.code() + ".D" + "%02d".formatted(d + 1);
        String place = VietnameseNames.place(rng);
        if (province.city()) {
            boolean urban = d < Math.ceil(districts * 0.45);
            return urban
                    ? new District(code, "Quận ủy " + place, "urban_district", "quận " + place, place, true)
                    : new District(code, "Huyện ủy " + place, "rural_district", "huyện " + place, place, false);
        }
        if (d == 0) {
            return new District(code, "Thành ủy " + province.name(), "provincial_city", "thành phố " + province.name(),
                    province.name(), false);
        }
        if (d == 1 && districts >= 4) {
            return new District(code, "Thị ủy " + place, "town", "thị xã " + place, place, false);
        }
        return new District(code, "Huyện ủy " + place, "rural_district", "huyện " + place, place, false);
    }

    private static LocalDate founding(SplittableRandom rng, GrassrootsKind kind, Province province) {
        if (kind.isCommuneLevel() || kind == GrassrootsKind.AGENCY || kind == GrassrootsKind.POLICE || kind == GrassrootsKind.MILITARY) {
            return province.validFrom();
        }
        long from = Math.max(province.validFrom().toEpochDay(), LocalDate.of(2002, 1, 1).toEpochDay());
        long day = from + rng.nextLong(LAST_FOUNDING.toEpochDay() - from + 1);
        return LocalDate.ofEpochDay(day).withDayOfMonth(1);
    }

    private static ReportingHabits habits(SplittableRandom rng, GrassrootsKind kind) {
        double s = rng.nextDouble();
        SubmissionStyle style = s < 0.55 ? SubmissionStyle.LONG_COMMA : s < 0.70 ? SubmissionStyle.LONG_SEMICOLON : SubmissionStyle.REPORT_FORM;
        double bomChance = switch (style) {
            case LONG_COMMA -> 0.05;
            case LONG_SEMICOLON -> 0.3;
            case REPORT_FORM -> 0.6;
        };
        boolean bom = rng.nextDouble() < bomChance;
        boolean crlf = rng.nextDouble() < (bom ? 0.8 : 0.2);
        boolean nfd = rng.nextDouble() < 0.03;
        boolean ytd = rng.nextDouble() < 0.4;
        boolean rate = rng.nextDouble() < 0.15;
        double quotaRate = 0.025 + 0.0025 * rng.nextInt(7);
        double attainment = Draws.uniform(rng, 0.75, 1.3);
        List<String> categories = new ArrayList<>();
        if (!rate) {
            if (rng.nextBoolean()) {
                categories.add("women");
            }
            categories.add(switch (kind) {
                case SCHOOL_HIGH -> "thpt_student";
                case COLLEGE, UNIVERSITY -> "university_student";
                case ENTERPRISE_NONSTATE -> "nonstate_enterprise_worker";
                case POLICE, MILITARY -> "armed_forces";
                default -> "youth_union";
            });
        }
        int reviewMonth = rng.nextInt(5) == 0 ? 11 : 12;
        return new ReportingHabits(style, bom, crlf, nfd, ytd, rate, quotaRate, attainment, categories, reviewMonth);
    }

    private static GrassrootsKind pick(SplittableRandom rng, GrassrootsKind[] kinds, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < kinds.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return kinds[i];
            }
        }
        return kinds[kinds.length - 1];
    }
}
