package vn.memberstat.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** One line of the unit registry layout: a version of a unit with its validity. */
record RegistryRow(
        String unitCode,
        String unitName,
        String parentCode,
        int level,
        String unitType,
        LocalDate validFrom,
        LocalDate validTo,
        String successorCode) {

    static final String HEADER = "unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code";

    RegistryRow {
        requireNonNull(unitCode, "unitCode is null");
        requireNonNull(unitName, "unitName is null");
        requireNonNull(unitType, "unitType is null");
        requireNonNull(validFrom, "validFrom is null");
    }

    String csvLine() {
        return String.join(",", unitCode, CsvText.field(unitName, ','), parentCode == null ? "" : parentCode,
                Integer.toString(level), unitType, validFrom.toString(), validTo == null ? "" : validTo.toString(),
                successorCode == null ? "" : successorCode);
    }
}
