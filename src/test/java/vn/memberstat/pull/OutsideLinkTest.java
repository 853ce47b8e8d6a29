package vn.memberstat.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/** A symbolic link out of the inbox is refused unread, once, and the refusal is queryable. */
final class OutsideLinkTest {
    @TempDir
    Path temp;

    @Test
    void linkOutOfTheInboxIsRefusedOnceAndNeverRead() throws Exception {
        Path inbox = temp.resolve("inbox");
        Memberstat.write(inbox, "registry.csv", """
                unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code
                P,Tỉnh ủy P,,1,province,1990-01-01,,
                """);
        Path secret = Memberstat.write(temp.resolve("elsewhere"), "secret.csv",
                "unit_code,period,indicator,category,value,comment\nP,2024,admitted,,5,\n");
        Files.createSymbolicLink(inbox.resolve("link.csv"), secret);
        Path home = temp.resolve("home");

        Memberstat.Result r = Memberstat.nightly(home, inbox, "2025-01-10");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("refused link.csv: symbolic link to " + secret.toRealPath());
        assertThat(one(home, "select reason_code, line_number, detail from quarantine where file_path = 'link.csv'"))
                .containsEntry("reason_code", "OUTSIDE_INBOX").containsEntry("line_number", null);
        assertThat(one(home, "select refused_reason, rows_read from dim_submission where file_path = 'link.csv'"))
                .containsEntry("refused_reason", "OUTSIDE_INBOX").containsEntry("rows_read", 0L);
        assertThat(count(home, "select * from fct_reported_value")).isZero();

        assertThat(Memberstat.nightly(home, inbox, "2025-01-11").exitCode()).isZero();
        assertThat(count(home, "select * from quarantine where file_path = 'link.csv'")).as("refused once, not every night").isEqualTo(1);
    }
}
