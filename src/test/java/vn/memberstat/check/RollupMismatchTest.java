package vn.memberstat.check;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * ROLLUP_MISMATCH compares a parent's own value with the sum of its children's when every child active at
 * the period's end reported it. While some have not, only an own value already below the others' sum is
 * certainly wrong; then a late child's file completes the sum in a later run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class RollupMismatchTest {
    @TempDir
    static Path temp;
    private static Path inbox;
    private static Path home;
    private static Memberstat.Result first;

    @BeforeAll
    static void runNightly() {
        inbox = temp.resolve("inbox");
        home = temp.resolve("home");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.LT,Quận ủy Tây Hồ,HN,2,urban_district,1997-01-01,,
                HN.LT.A,Chi bộ A,HN.LT,3,school_high,2010-01-01,,
                HN.LT.B,Chi bộ B,HN.LT,3,school_high,2010-01-01,,
                HN.LT.C,Chi bộ C,HN.LT,3,school_high,2010-01-01,,
                HN.BL,Quận ủy Long Biên,HN,2,urban_district,1997-01-01,,
                HN.BL.A,Chi bộ A,HN.BL,3,school_high,2010-01-01,,
                HN.BL.B,Chi bộ B,HN.BL,3,school_high,2010-01-01,,
                HN.BL.C,Chi bộ C,HN.BL,3,school_high,2010-01-01,,
                HN.EN,Quận ủy Hà Đông,HN,2,urban_district,1997-01-01,,
                HN.EN.A,Chi bộ A,HN.EN,3,school_high,2010-01-01,,
                HN.EN.B,Chi bộ B,HN.EN,3,school_high,2010-01-01,2023-12-31,
                """);
        Memberstat.write(inbox, "2024/bao-cao.csv", Memberstat.LONG_HEADER + """
                HN.LT,2024-12,members,total,300,C has not reported yet
                HN.LT.A,2024-12,members,total,100,
                HN.LT.B,2024-12,members,total,150,
                HN.BL,2024-12,members,total,200,below A + B whatever C reports
                HN.BL.A,2024-12,members,total,100,
                HN.BL.B,2024-12,members,total,150,
                HN.EN,2024-12,members,total,110,B ended with 2023: A alone is the sum
                HN.EN.A,2024-12,members,total,100,
                """);
        first = Memberstat.nightly(home, inbox, "2025-01-31");
    }

    @Test
    @Order(1)
    void aSumOfSomeChildrenOnlyCountsWhenTheOwnValueIsAlreadyBelowIt() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(findings()).containsExactly(
                "HN.BL 2024-12: own report 200, already below the sum of 2 of its 3 children, 250",
                "HN.EN 2024-12: own report 110, sum of its children 100 (1 of 1 children reported)");
    }

    @Test
    @Order(2)
    void aLateChildCompletesTheSum() {
        Memberstat.write(inbox, "2024/bao-cao-HN.LT.C.csv", Memberstat.LONG_HEADER + "HN.LT.C,2024-12,members,total,40,\n");
        Memberstat.Result later = Memberstat.nightly(home, inbox, "2025-02-05");

        assertThat(later.exitCode()).as(later.err()).isZero();
        assertThat(findings()).containsExactly(
                "HN.BL 2024-12: own report 200, already below the sum of 2 of its 3 children, 250",
                "HN.EN 2024-12: own report 110, sum of its children 100 (1 of 1 children reported)",
                "HN.LT 2024-12: own report 300, sum of its children 290 (3 of 3 children reported)");
    }

    private static List<String> findings() {
        return query(home, "select unit_code, period, detail from dq_finding where rule_code = 'ROLLUP_MISMATCH' order by unit_code")
                .stream().map(f -> f.get("unit_code") + " " + f.get("period") + ": " + f.get("detail")).toList();
    }
}
