package vn.memberstat.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A grassroots party organisation (level 3), the unit that sends a file every month, and what became
 * of it on 1/7/2025.
 *
 * @param serial a number unique across the generated country; seeds the organisation's random streams
 * @param parentCode its district or bloc until 30/6/2025 (or for good, for a bloc organisation that stays)
 * @param fate what happens on 1/7/2025
 * @param nameAfter its name from 1/7/2025 (null when it ends)
 * @param typeAfter its unit type from 1/7/2025 (null when it ends)
 * @param parentAfter its parent from 1/7/2025 (null when it ends or stays)
 * @param successorCode the commune it merges into (only for {@link Fate#MERGED})
 */
record Grassroots(
        int serial,
        String code,
        GrassrootsKind kind,
        String name,
        Province province,
        String parentCode,
        LocalDate validFrom,
        Fate fate,
        String nameAfter,
        String typeAfter,
        String parentAfter,
        String successorCode,
        ReportingHabits habits) {

    /** What a grassroots organisation becomes on 1/7/2025. */
    enum Fate {
        /** Nothing changes (an organisation of a provincial bloc whose province carries on). */
        STAYS,
        /** It carries on under the same code with a new parent (and maybe a new name). */
        MOVES,
        /** It ends on 30/6/2025; its members go to {@code successorCode}. */
        MERGED
    }

    Grassroots {
        requireNonNull(code, "code is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(province, "province is null");
        requireNonNull(parentCode, "parentCode is null");
        requireNonNull(validFrom, "validFrom is null");
        requireNonNull(fate, "fate is null");
        requireNonNull(habits, "habits is null");
        if (fate == Fate.MERGED) {
            requireNonNull(successorCode, "successorCode is null for a merged organisation");
        }
        if (fate == Fate.MOVES) {
            requireNonNull(parentAfter, "parentAfter is null for a moving organisation");
        }
    }

    boolean reportsIn(YearMonth month) {
        return !(fate == Fate.MERGED && Restructuring.after(month));
    }

    /** The province directory its files go to in {@code month}. */
    String provinceCodeIn(YearMonth month) {
        return Restructuring.after(month) ? province.codeAfterMerger() : province.code();
    }

    List<RegistryRow> registryRows() {
        List<RegistryRow> rows = new ArrayList<>(2);
        switch (fate) {
            case STAYS -> rows.add(new RegistryRow(code, name, parentCode, 3, kind.unitType(), validFrom, null, null));
            case MERGED -> rows.add(new RegistryRow(code, name, parentCode, 3, kind.unitType(), validFrom,
                    Restructuring.LAST_DAY_BEFORE, successorCode));
            case MOVES -> {
                rows.add(new RegistryRow(code, name, parentCode, 3, kind.unitType(), validFrom, Restructuring.LAST_DAY_BEFORE, null));
                rows.add(new RegistryRow(code, nameAfter, parentAfter, 3, typeAfter, Restructuring.FIRST_DAY_AFTER, null, null));
            }
        }
        return rows;
    }
}
