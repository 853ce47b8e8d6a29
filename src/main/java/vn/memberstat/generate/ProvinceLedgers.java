package vn.memberstat.generate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ledgers of one province in serial order, and the commune mergers of 1/7/2025. */
final class ProvinceLedgers {
    private final List<GrassrootsLedger> ledgers = new ArrayList<>();
    private final Map<String, GrassrootsLedger> byCode = new LinkedHashMap<>();

    ProvinceLedgers(List<Grassroots> units, long seed) {
        for (Grassroots g : units) {
            GrassrootsLedger ledger = new GrassrootsLedger(g, seed);
            ledgers.add(ledger);
            byCode.put(g.code(), ledger);
        }
    }

    List<GrassrootsLedger> all() {
        return ledgers;
    }

    void restructureIf(YearMonth month) {
        if (!month.equals(Restructuring.FIRST_MONTH_AFTER)) {
            return;
        }
        for (GrassrootsLedger ledger : ledgers) {
            Grassroots g = ledger.unit();
            if (g.fate() == Grassroots.Fate.MERGED) {
                byCode.get(g.successorCode()).absorb(ledger);
            }
        }
    }
}
