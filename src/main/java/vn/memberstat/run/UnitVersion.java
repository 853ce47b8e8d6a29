package vn.memberstat.run;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One row of the unit registry: a unit as it was from {@code validFrom} to {@code validTo} (null: still active). */
public record UnitVersion(
        String code,
        String name,
        String parentCode,
        int level,
        String unitType,
        LocalDate validFrom,
        LocalDate validTo,
        String successorCode) {

    public UnitVersion {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(unitType, "unitType is null");
        requireNonNull(validFrom, "validFrom is null");
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean overlaps(LocalDate first, LocalDate last) {
        return !last.isBefore(validFrom) && (validTo == null || !first.isAfter(validTo));
    }

    public LocalDate lastDay() {
        return validTo == null ? LocalDate.MAX : validTo;
    }
}
