package vn.memberstat.generate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A province-level party committee as it was before 1/7/2025: its code, its Vietnamese name (without
 * the "Tỉnh ủy"/"Thành ủy" prefix), whether it is a centrally-run city, and the code of the province it
 * merged into on 1/7/2025 (null when it carried on under its own code).
 *
 * @param ethnicMinorityShare share of admissions who belong to an ethnic minority
 * @param religiousShare share of admissions who are religious believers
 */
public record Province(
        String code,
        String name,
        boolean city,
        String successorCode,
        LocalDate validFrom,
        double ethnicMinorityShare,
        double religiousShare) {

    public Province {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(validFrom, "validFrom is null");
    }

    public boolean merged() {
        return successorCode != null;
    }

    /** The code of the province this one belongs to from 1/7/2025: its successor, or itself. */
    public String codeAfterMerger() {
        return merged() ? successorCode : code;
    }

    public String committeeName() {
        return (city ? "Thành ủy " : "Tỉnh ủy ") + name;
    }

    /** "tỉnh Lào Cai" or "thành phố Hải Phòng", as used inside other names. */
    public String placeName() {
        return (city ? "thành phố " : "tỉnh ") + name;
    }

    public String unitType() {
        return city ? "city" : "province";
    }
}
