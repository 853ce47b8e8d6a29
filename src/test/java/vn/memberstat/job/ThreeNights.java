package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import vn.memberstat.support.Memberstat;

/**
 * Three nights that give every table of the warehouse rows: the sample inbox with a refused file, rows
 * quarantined for a unit not yet registered, a key given twice with two values; a night with nothing new; then the
 * unit's registry (the quarantined rows load) and a later correction of a value.
 */
final class ThreeNights {
    private ThreeNights() {}

    static void run(Path home, Path inbox) {
        Memberstat.write(inbox, "registry/extra-units.csv", Memberstat.REGISTRY_HEADER + """
                P,Tỉnh ủy P,,1,province,1990-01-01,,
                A,Đảng bộ xã A,P,3,commune,2000-01-01,,
                """);
        Memberstat.write(inbox, "2026/report.csv", Memberstat.LONG_HEADER + """
                B,2026-01..2026-06,admitted,total,12,
                B,2026-01..2026-06,admitted,women,5,
                A,2026-06,admitted,total,2,
                A,2026-06,admitted,women,1,
                A,2026-05,admitted,total,1,
                A,2026-05,admitted,total,3,
                """);
        Memberstat.write(inbox, "2026/empty.csv", "");
        expectCompleted(Memberstat.nightly(home, inbox, "2026-07-10"));
        expectCompleted(Memberstat.nightly(home, inbox, "2026-08-01"));
        Memberstat.write(inbox, "registry/units-2026-09.csv", Memberstat.REGISTRY_HEADER + """
                B,Đảng bộ xã B,P,3,commune,2000-01-01,,
                """);
        Memberstat.write(inbox, "2026/zz-correction.csv", Memberstat.LONG_HEADER + """
                A,2026-06,admitted,total,4,
                """);
        expectCompleted(Memberstat.nightly(home, inbox, "2026-09-02"));
    }

    private static void expectCompleted(Memberstat.Result night) {
        assertThat(night.exitCode()).as(night.out() + night.err()).isZero();
    }
}
