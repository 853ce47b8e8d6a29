package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/** A registry row corrected by a later file of the same run: both load, the later one stands. */
final class RegistryCorrectionTest {
    @TempDir
    Path temp;

    @Test
    void theLaterFileOfTheSameRunCorrectsTheVersion() {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        String header = "unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code\n";
        Memberstat.write(inbox, "a.csv", header + "HN,Thành ủy Hà Nội,,1,city,1930-03-17,,\n"
                + "HN.TX,Quận ủy Thanh Xuân (cũ),HN,2,urban_district,1997-01-01,2025-06-30,\n");
        Memberstat.write(inbox, "b.csv", header + "HN.TX,Quận ủy Thanh Xuân,HN,2,urban_district,1997-01-01,2025-06-30,HN.P-TX\n");

        Memberstat.Result r = Memberstat.nightly(home, inbox, "2026-01-10");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("read 3 = loaded 3 + quarantined 0 + duplicate 0");
        assertThat(one(home, "select unit_name, successor_code from dim_unit where unit_code = 'HN.TX'"))
                .containsEntry("unit_name", "Quận ủy Thanh Xuân").containsEntry("successor_code", "HN.P-TX");
        assertThat(count(home, "select * from registry_version")).isEqualTo(2);
    }
}
