package vn.memberstat.check;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * OUTLIER at a commune that absorbed another on 1/7/2025: its months after the merger are judged against
 * both communes' months before it, so the merged commune's ordinary admissions are no outlier and a real
 * spike still is.
 */
final class OutlierMergerTest {
    @TempDir
    Path temp;

    @Test
    void aMergedCommuneIsJudgedAgainstTheCommunesItJoined() {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.M,Đảng bộ xã Minh Phú,HN,3,commune,1997-01-01,,
                HN.N,Đảng bộ xã Nam Sơn,HN,3,commune,1997-01-01,2025-06-30,HN.M
                HN.Q,Đảng bộ xã Quang Tiến,HN,3,commune,1997-01-01,,
                """);
        StringBuilder rows = new StringBuilder(Memberstat.LONG_HEADER);
        for (YearMonth m = YearMonth.of(2024, 7); m.isBefore(YearMonth.of(2025, 7)); m = m.plusMonths(1)) {
            rows.append("HN.M,").append(m).append(",admitted,total,1,\n");
            rows.append("HN.N,").append(m).append(",admitted,total,12,\n");
            rows.append("HN.Q,").append(m).append(",admitted,total,1,\n");
        }
        rows.append("HN.M,2025-07,admitted,total,13,the two communes' usual 1 + 12\n");
        rows.append("HN.M,2025-08,admitted,total,45,a spike for the merged commune too\n");
        rows.append("HN.Q,2025-07,admitted,total,13,a spike for a commune that merged with none\n");
        Memberstat.write(inbox, "bao-cao.csv", rows.toString());

        Memberstat.Result run = Memberstat.nightly(home, inbox, "2025-09-30");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(query(home, "select unit_code, period, detail from dq_finding where rule_code = 'OUTLIER' order by unit_code"))
                .extracting(f -> f.get("unit_code") + " " + f.get("period") + ": " + f.get("detail"))
                .containsExactly(
                        "HN.M 2025-08: admitted 45 in one month; median of the previous 13 months 13.0, modified z-score unbounded (those months all alike)",
                        "HN.Q 2025-07: admitted 13 in one month; median of the previous 12 months 1.0, modified z-score unbounded (those months all alike)");
    }
}
