package vn.memberstat.check;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * OUTLIER by the modified z-score: a unit admitting 4 to 7 a month, 30 every December. Its first December
 * stands out (nothing like it before), a spike in June 2024 stands out, and the December after, 31 against last
 * December's 30, is a seasonal peak, not an outlier. The threshold is a setting.
 */
final class RobustOutlierTest {
    private static final int[] ORDINARY = {4, 6, 5, 7, 5, 6, 4, 6, 5, 7, 5};

    @TempDir
    Path temp;

    @Test
    void aSpikeIsFoundAndASeasonalPeakIsNot() {
        Path home = runWith(temp);
        // 2023-12: January-November 2023 sorted 4 4 5 5 5 5 6 6 6 7 7, median 5; deviations 0 0 0 0 1 1 1 1 1 2 2,
        // MAD 1: 0.6745 x (30 - 5) / 1 = 16.86.
        // 2024-06: 17 months before it, median 5, MAD 1; June 2023 (6) is above the median, so the baseline:
        // 0.6745 x (40 - 6) / 1 = 22.93. 2024-12: last December's 30 is the baseline, 31 is 1 above it.
        assertThat(outliers(home)).containsExactly(
                "2023-12: admitted 30 in one month; median of the previous 11 months 5.0, modified z-score 16.9",
                "2024-06: admitted 40 in one month; median of the previous 17 months 5.0, same month a year before 6.0,"
                        + " modified z-score 22.9");
    }

    @Test
    void theThresholdIsASetting() {
        // 16.9 is below 20, 22.9 above it
        Path home = runWith(temp, "--memberstat.outlier-threshold=20");
        assertThat(outliers(home)).extracting(f -> f.substring(0, 7)).containsExactly("2024-06");
        Memberstat.Result bad = Memberstat.nightly(temp.resolve("other"), temp.resolve("inbox"), "2025-01-31",
                "--memberstat.outlier-threshold=-1");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("outlier-threshold");
    }

    private static Path runWith(Path temp, String... settings) {
        Path inbox = temp.resolve("inbox");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.A,Quận ủy Ba Đình,HN,2,urban_district,1997-01-01,,
                """);
        StringBuilder rows = new StringBuilder(Memberstat.LONG_HEADER);
        for (int year = 2023; year <= 2024; year++) {
            for (int month = 1; month <= 12; month++) {
                int value = month == 12 ? (year == 2024 ? 31 : 30) : (year == 2024 && month == 6 ? 40 : ORDINARY[month - 1]);
                rows.append("HN.A,%d-%02d,admitted,total,%d,%n".formatted(year, month, value));
            }
        }
        Memberstat.write(inbox, "bao-cao.csv", rows.toString());
        Path home = temp.resolve("home");
        Memberstat.Result run = Memberstat.nightly(home, inbox, "2025-01-31", settings);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return home;
    }

    private static List<String> outliers(Path home) {
        return query(home, "select period, detail from dq_finding where rule_code = 'OUTLIER' order by period").stream()
                .map(f -> f.get("period") + ": " + f.get("detail")).toList();
    }
}
