package vn.memberstat.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.common.HeaderNumbers;
import vn.memberstat.support.Memberstat;

/**
 * The lists a run hands from step to step name a header line many files share by number; the warehouse
 * still records each file's own header, which a quarantined row is read with again.
 */
final class RunFileListsTest {
    private static final String DATE = "2026-06-30";

    @TempDir
    Path temp;

    @Test
    void eachFileKeepsItsHeaderWhileTheListsHoldEachHeaderOnce() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        // two report forms with one long header line, as a province's grassroots organisations send them
        String header = "Mã đơn vị;Kỳ báo cáo;Kết nạp đảng viên - Tổng số;Kết nạp đảng viên - Nữ;Ghi chú";
        Memberstat.write(inbox, "2024/HN.TX/TXT/2024-07-bao-cao.csv", header + "\nHN.TX.TXT;2024-07;3;1;\n");
        Memberstat.write(inbox, "2024/HN.TX/TXT/2024-08-bao-cao.csv", header + "\nHN.TX.TXT;2024-08;2;2;\n");
        Path home = temp.resolve("home");

        Memberstat.Result run = Memberstat.nightly(home, inbox, DATE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path runDir = home.resolve("runs").resolve(DATE);
        for (String list : List.of("pulled.csv", "submissions.csv")) {
            assertThat(Files.readString(runDir.resolve(list))).as(list).doesNotContain(header);
            assertThat(Files.readString(HeaderNumbers.companionOf(runDir.resolve(list)))).as(list).containsOnlyOnce(header);
        }
        assertThat(query(home, "select * from dim_submission")).hasSize(58);
        // a workbook's header is its first data sheet's, as a CSV line, with no separator of its own
        assertThat(query(home, "select header_line, delimiter from dim_submission where file_path like '%.xlsx'"))
                .extracting(r -> r.get("header_line") + " " + r.get("delimiter"))
                .containsExactly("Mã đơn vị,Kỳ báo cáo,Lớp bồi dưỡng nhận thức về Đảng - Số lớp,Lớp bồi dưỡng nhận thức về Đảng"
                        + " - Số học viên,Lớp đảng viên mới - Số lớp,Lớp đảng viên mới - Số học viên,Rà soát đảng viên,Ghi chú null");
        List<Map<String, Object>> files = query(home, "select file_path, header_line, delimiter from dim_submission"
                + " where file_path like '%.csv'");
        assertThat(files).hasSize(57);
        for (Map<String, Object> f : files) {
            // as the header's fields are compared: in Unicode's composed form (a file may spell "ư" as u and a hook)
            String firstLine = Normalizer.normalize(Files.readAllLines(inbox.resolve((String) f.get("file_path")),
                    StandardCharsets.UTF_8).get(0).replace("\uFEFF", ""), Normalizer.Form.NFC);
            assertThat((String) f.get("header_line")).as((String) f.get("file_path")).isEqualTo(firstLine);
        }
        assertThat(query(home, "select delimiter from dim_submission where file_path like '2024/HN.TX/TXT/2024-0_-bao-cao.csv'"))
                .extracting(r -> r.get("delimiter")).containsExactly(";", ";");
    }
}
