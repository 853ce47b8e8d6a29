package vn.memberstat.check;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * MEMBER_BALANCE where a flow has no year-to-date figure: a year the warehouse holds from October on,
 * a January value lost to quarantine, a month never sent. The flows it did send are summed month by
 * month; what it sent and we refused is never taken as 0.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class MemberBalanceTest {
    @TempDir
    static Path temp;
    private static Path home;
    private static Memberstat.Result run;

    @BeforeAll
    static void runNightly() {
        Path inbox = temp.resolve("inbox");
        home = temp.resolve("home");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.LATE,Quận ủy Tây Hồ,HN,2,urban_district,1997-01-01,,
                HN.LOST,Quận ủy Long Biên,HN,2,urban_district,1997-01-01,,
                HN.GAP,Quận ủy Hà Đông,HN,2,urban_district,1997-01-01,,
                """);
        Memberstat.write(inbox, "2024/bao-cao.csv", Memberstat.LONG_HEADER + """
                HN.LATE,2024-10,members,total,100,the first month the warehouse holds
                HN.LATE,2024-11,admitted,total,2,
                HN.LATE,2024-11,removed,total,0,
                HN.LATE,2024-11,members,total,102,100 + 2 - 0
                HN.LATE,2024-12,admitted,total,3,
                HN.LATE,2024-12,removed,total,1,
                HN.LATE,2024-12,members,total,110,102 + 3 - 1 = 104
                HN.LOST,2023-12,members,total,50,
                HN.LOST,2024-01,admitted,total,"3,5",quarantined: not a whole number
                HN.LOST,2024-01,members,total,53,
                HN.LOST,2024-02,admitted,total,1,
                HN.LOST,2024-02,members,total,54,53 + 1
                HN.GAP,2024-10,members,total,100,
                HN.GAP,2024-12,admitted,total,5,November never sent
                HN.GAP,2024-12,members,total,120,
                """);
        run = Memberstat.nightly(home, inbox, "2025-01-31");
    }

    @Test
    @Order(1)
    void flowsWithoutAYearToDateAreSummedMonthByMonth() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(query(home, "select unit_code, period, detail from dq_finding where rule_code = 'MEMBER_BALANCE'"))
                .extracting(f -> f.get("unit_code") + " " + f.get("period") + ": " + f.get("detail"))
                .containsExactly("HN.LATE 2024-12: members 110 at the end of 2024-12, expected 104 = 102 + 2 net flows");
    }

    /** A warehouse upgraded from an earlier version holds the old rule's findings until they are checked again. */
    @Test
    @Order(2)
    void aFindingOfTheOldRuleIsCheckedAgainByTheNextRun() throws Exception {
        Path working = home.resolve("work").resolve("warehouse.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + working.toAbsolutePath()); Statement s = c.createStatement()) {
            s.execute("""
                    insert into dq_finding_row values ('2025-01-31', 'MEMBER_BALANCE', 'warning', 'HN.LOST', 2024, '2024-02',
                        'members', 'total', 'members 54 at the end of 2024-02, expected 53 = 53 + 0 net flows')""");
            s.execute("insert into dq_recheck values ('HN.LOST', 2024)");   // as the upgrade to V7 records it
        }

        Memberstat.Result next = Memberstat.nightly(home, Files.createDirectories(temp.resolve("no-new-files")), "2025-02-28");

        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(query(home, "select unit_code, period from dq_finding where rule_code = 'MEMBER_BALANCE'"))
                .extracting(f -> f.get("unit_code") + " " + f.get("period")).containsExactly("HN.LATE 2024-12");
        assertThat(query(home, "select count(*) as n from dq_recheck")).extracting(r -> r.get("n")).containsExactly(0L);
    }

    @Test
    @Order(1)
    void aFlowLostToQuarantineOrNeverSentIsNeverTakenAsZero() {
        assertThat(run.out()).contains("read 19 = loaded 18 + quarantined 1 + duplicate 0");
        assertThat(query(home, "select unit_code, period, reason_code from quarantine"))
                .extracting(r -> r.get("unit_code") + " " + r.get("period") + " " + r.get("reason_code"))
                .containsExactly("HN.LOST 2024-01 BAD_VALUE");
        // HN.LOST's January and HN.GAP's December are skipped; HN.LOST's February is judged on the one month it
        // spans, and balances. Taken as 0, the refused and the unsent admissions would have made all three findings.
        assertThat(query(home, "select count(*) as n from dq_finding where unit_code in ('HN.LOST', 'HN.GAP')"))
                .extracting(r -> r.get("n")).containsExactly(0L);
    }
}
