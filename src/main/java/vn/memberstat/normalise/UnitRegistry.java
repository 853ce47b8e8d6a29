package vn.memberstat.normalise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.Period;
import vn.memberstat.run.UnitVersion;
import vn.memberstat.common.RowRejectedException;

/** The accepted registry: every version of every unit, read-only once built. */
public final class UnitRegistry {
    private final Map<String, List<UnitVersion>> versions;

    public UnitRegistry(Collection<UnitVersion> rows) {
        Map<String, List<UnitVersion>> byCode = new HashMap<>();
        for (UnitVersion v : rows) {
            byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v);
        }
        byCode.replaceAll((k, v) -> List.copyOf(v));
        this.versions = Map.copyOf(byCode);
    }

    public List<UnitVersion> versions(String code) {
        return versions.getOrDefault(code, List.of());
    }

    public int size() {
        return versions.size();
    }

    /**
     * Checks that {@code code} names a unit active on at least one day of the period.
     *
     * @throws RowRejectedException {@code UNKNOWN_UNIT} or {@code UNIT_NOT_ACTIVE}
     */
    public void requireActive(String code, Period period) {
        List<UnitVersion> vs = versions.get(code);
        if (vs == null) {
            throw new RowRejectedException(ReasonCode.UNKNOWN_UNIT, "unit '" + code + "' is not in the unit registry");
        }
        LocalDate first = period.firstDay();
        LocalDate last = period.lastDay();
        for (UnitVersion v : vs) {
            if (v.overlaps(first, last)) {
                return;
            }
        }
        UnitVersion latest = vs.get(vs.size() - 1);
        throw new RowRejectedException(ReasonCode.UNIT_NOT_ACTIVE, "unit '" + code + "' is not active in " + period.code()
                + " (registry: " + vs.stream().map(v -> v.validFrom() + ".." + (v.validTo() == null ? "" : v.validTo())).toList()
                + (latest.successorCode() == null ? "" : ", successor " + latest.successorCode()) + ")");
    }
}
