package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/** Quarantined rows are tried again on every run and load once their cause is gone; nobody re-sends them. */
final class QuarantineRetryTest {
    @TempDir
    Path temp;

    @Test
    void rowsLoadOnceTheRegistryOrTheCalendarCatchesUp() {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        Memberstat.write(inbox, "registry/units.csv", """
                unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code
                P,Tỉnh ủy P,,1,province,1990-01-01,,
                A,Đảng bộ xã A,P,3,commune,2000-01-01,,
                C,Chi bộ thôn C,B,4,village,2010-01-01,,
                """);
        Memberstat.write(inbox, "2026/report.csv", """
                Mã đơn vị;Kỳ báo cáo;Kết nạp đảng viên - Tổng số;Kết nạp đảng viên - Nữ
                B;2026-01..2026-06;12;5
                A;2026-08;3;
                A;2026-06;2;1
                """);

        Memberstat.Result first = Memberstat.nightly(home, inbox, "2026-07-10");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(query(home, "select reason_code, count(*) as n from quarantine group by all order by 1"))
                .extracting(r -> r.get("reason_code") + ":" + r.get("n"))
                .containsExactly("BAD_REGISTRY_ROW:1", "FUTURE_PERIOD:1", "UNKNOWN_UNIT:2");
        assertThat(one(home, "select rows_read, rows_loaded, rows_quarantined from dim_submission where file_path = '2026/report.csv'"))
                .containsEntry("rows_read", 5L).containsEntry("rows_loaded", 2L).containsEntry("rows_quarantined", 3L);

        // B arrives in a newer registry; the calendar moves past August
        Memberstat.write(inbox, "registry/units-2026-09.csv", """
                unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code
                B,Đảng bộ xã B,P,3,commune,2000-01-01,,
                """);
        Memberstat.Result second = Memberstat.nightly(home, inbox, "2026-09-02");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("read 1 = loaded 1 + quarantined 0 + duplicate 0")
                .contains("retried  4 rows quarantined by earlier runs now load");

        assertThat(count(home, "select * from quarantine where not is_resolved")).isZero();
        assertThat(query(home, "select distinct resolved_run_id, resolution from quarantine"))
                .extracting(r -> r.get("resolved_run_id") + ":" + r.get("resolution")).containsExactly("2026-09-02:loaded");
        assertThat(one(home, "select rows_read, rows_loaded, rows_quarantined from dim_submission where file_path = '2026/report.csv'"))
                .as("the original submission's sum still holds").containsEntry("rows_read", 5L)
                .containsEntry("rows_loaded", 5L).containsEntry("rows_quarantined", 0L);
        assertThat(one(home, "select rows_loaded, rows_quarantined from dim_submission where file_path = 'registry/units.csv'"))
                .containsEntry("rows_loaded", 3L).containsEntry("rows_quarantined", 0L);
        assertThat(one(home, "select admitted_count, through_month from v_admission_attainment where unit_code = 'B'"))
                .containsEntry("admitted_count", 12L).containsEntry("through_month", 6);
        assertThat(one(home, "select count(*) as n from dim_unit where unit_code = 'C'")).containsEntry("n", 1L);
        assertThat(one(home, "select value from fct_value where unit_code = 'A' and period = '2026-08' and category_code = 'total'"))
                .as("no longer in the future").containsEntry("value", 3.0);

        Memberstat.Result rejects = Memberstat.run("rejects", "--home", home.toString());
        assertThat(rejects.exitCode()).isZero();
        assertThat(rejects.out().strip().lines()).as("only the header: nothing left to send back").hasSize(1);
    }
}
