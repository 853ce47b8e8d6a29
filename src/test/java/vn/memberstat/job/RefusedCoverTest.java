package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.one;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.Workbooks;

/**
 * A refused file is resolved when replaced: by a later file from the same inbox path, or by later submissions that
 * cover all the units and periods it appears to cover, read from it without loading it (a CSV in a Windows code page,
 * a macro-enabled workbook). Three nights: the refusals; fixed copies under other names, one covering only part of
 * a refused file; the rest of that part.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class RefusedCoverTest {
    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    /** "Kết nạp" as Windows-1258 writes it: tone marks as combining bytes, no valid UTF-8. */
    private static final String COMMENT = "Kê\u0301t na\u0323p";
    private static final String ONE_MONTH = "2024/HN.TX/excel-csv.csv";
    private static final String TWO_MONTHS = "2024/HN.TX/hai-thang.csv";
    private static final String MACROS = "2024/HN.TX/THD/bao-cao.xlsm";
    private static final String NO_LAYOUT = "2024/HN.TX/sai-tieu-de.csv";
    @TempDir
    static Path temp;
    private static Path inbox;
    private static Path home;

    @BeforeAll
    static void refusedOnTheFirstNight() throws IOException {
        inbox = temp.resolve("inbox");
        Path registry = inbox.resolve("registry/units.csv");
        Files.createDirectories(registry.getParent());
        Files.copy(Memberstat.SAMPLE_INPUT.resolve("registry/units.csv"), registry);
        Files.setLastModifiedTime(registry, FileTime.from(Memberstat.OLD.minusSeconds(86_400)));
        windows(ONE_MONTH, "HN.TX,2024-04,members,,20772," + COMMENT + "\nHN.TX,2024-04,branches,,379,\n");
        windows(TWO_MONTHS, "HN.TX,2024-04,admitted,,12," + COMMENT + "\nHN.TX,2024-05,admitted,,15,\n"
                + "HN.NOPE!,2024-05,admitted,,1,\n");   // no unit code: it could never load, so it is no part of the cover
        XSSFWorkbook macros = Workbooks.xlsx();
        macros.setWorkbookType(XSSFWorkbookType.XLSM);   // a macro-enabled workbook's content type, as Excel saves one
        Workbooks.sheet(macros, "THD", new Object[] {"Mã đơn vị", "Kỳ báo cáo", "Tổng số đảng viên"},
                new Object[] {"HN.TX.THD", "2024-05", 68});
        Workbooks.save(macros, inbox.resolve(MACROS));
        Memberstat.write(inbox, NO_LAYOUT, "ma,ky,so\nHN.TX,2024-04,1\n");
        home = temp.resolve("home");
        Memberstat.Result first = Memberstat.nightly(home, inbox, "2024-06-30");
        assertThat(first.exitCode()).as(first.err()).isZero();
    }

    private static void windows(String path, String rows) {
        try {
            Path file = inbox.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, (Memberstat.LONG_HEADER + rows).getBytes(WINDOWS_1258));
            Files.setLastModifiedTime(file, FileTime.from(Memberstat.OLD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of a later night, modified at {@code at}. */
    private static void later(String path, String content, String at) {
        try {
            Files.setLastModifiedTime(Memberstat.write(inbox, path, content), FileTime.from(Instant.parse(at)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> refusal(String path) {
        return one(home, "select reason_code, is_resolved, resolution, replaced_by, resolved_run_id from quarantine"
                + " where line_number is null and file_path = '" + path + "'");
    }

    private static String submission(String path) {
        return (String) one(home, "select submission_id from dim_submission where refused_reason is null and file_path = '"
                + path + "'").get("submission_id");
    }

    /** The file's refusal and its cover as the warehouse holds it, its pairs in order. */
    private static Map<String, Object> cover(String path) {
        return one(home, """
                select d.refused_reason, string_agg(c.unit_code || ' ' || c.period, ';' order by c.unit_code, c.period) as cover
                from dim_submission d left join refused_cover c using (submission_id)
                where d.file_path = '%s' group by d.refused_reason""".formatted(path));
    }

    @Test
    @Order(1)
    void theCoverOfARefusedFileIsRecordedInTheAuditAndTheLake() throws SQLException {
        assertThat(cover(ONE_MONTH)).containsEntry("refused_reason", "ENCODING").containsEntry("cover", "HN.TX 2024-04");
        assertThat(cover(TWO_MONTHS)).containsEntry("cover", "HN.TX 2024-04;HN.TX 2024-05");
        assertThat(cover(MACROS)).containsEntry("refused_reason", "UNSUPPORTED_FORMAT").containsEntry("cover", "HN.TX.THD 2024-05");
        assertThat(cover(NO_LAYOUT)).containsEntry("refused_reason", "UNKNOWN_LAYOUT").containsEntry("cover", null);
        assertThat(Memberstat.count(home, "select * from fct_value where unit_code = 'HN.TX' and period = '2024-04'"))
                .as("a cover is never loaded").isZero();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select cover from read_parquet('" + home.resolve("lake/submissions")
                        + "/*/*.parquet') where file_path = '" + ONE_MONTH + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("HN.TX 2024-04");
        }
    }

    @Test
    @Order(2)
    void laterFilesUnderOtherNamesResolveTheRefusalsTheyCoverWhole() {
        later("2024/HN.TX/bao-cao-2024-04-utf8.csv", Memberstat.LONG_HEADER + "HN.TX,2024-04,members,,20772,Kết nạp\n"
                + "HN.TX,2024-04,admitted,,12,\n", "2026-01-02T00:00:00Z");
        XSSFWorkbook fixed = Workbooks.xlsx();
        Workbooks.sheet(fixed, "THD", new Object[] {"Mã đơn vị", "Kỳ báo cáo", "Tổng số đảng viên"},
                new Object[] {"HN.TX.THD", "2024-05", 68});
        try {
            Files.setLastModifiedTime(Workbooks.save(fixed, inbox.resolve("2024/HN.TX/THD/bao-cao.xlsx")),
                    FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        later(NO_LAYOUT, Memberstat.LONG_HEADER + "HN.TX,2024-03,members,,20700,\n", "2026-01-02T00:00:00Z");
        Memberstat.Result second = Memberstat.nightly(home, inbox, "2024-07-01");
        assertThat(second.exitCode()).as(second.err()).isZero();

        assertThat(refusal(ONE_MONTH)).containsEntry("is_resolved", true).containsEntry("resolution", "replaced")
                .containsEntry("replaced_by", submission("2024/HN.TX/bao-cao-2024-04-utf8.csv"))
                .containsEntry("resolved_run_id", "2024-07-01");
        assertThat(refusal(MACROS)).containsEntry("is_resolved", true)
                .containsEntry("replaced_by", submission("2024/HN.TX/THD/bao-cao.xlsx"));
        assertThat(refusal(NO_LAYOUT)).as("the path rule").containsEntry("is_resolved", true)
                .containsEntry("resolution", "replaced").containsEntry("replaced_by", submission(NO_LAYOUT));
        assertThat(refusal(TWO_MONTHS)).as("2024-05 is not covered yet").containsEntry("is_resolved", false)
                .containsEntry("replaced_by", null);
        List<String> unresolved = Memberstat.run("rejects", "--home", home.toString()).out().lines().toList();
        assertThat(unresolved).anyMatch(l -> l.contains(TWO_MONTHS)).noneMatch(l -> l.contains(ONE_MONTH));
    }

    @Test
    @Order(3)
    void theSubmissionThatCompletesTheCoverReplacesIt() {
        later("2024/HN.TX/thang-5.csv", Memberstat.LONG_HEADER + "HN.TX,2024-05,admitted,,15,\n", "2026-01-03T00:00:00Z");
        Memberstat.Result third = Memberstat.nightly(home, inbox, "2024-07-02");
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(refusal(TWO_MONTHS)).containsEntry("is_resolved", true).containsEntry("resolution", "replaced")
                .containsEntry("replaced_by", submission("2024/HN.TX/thang-5.csv")).containsEntry("resolved_run_id", "2024-07-02");
        List<String> all = Memberstat.run("rejects", "--home", home.toString(), "--all").out().lines().toList();
        assertThat(all).anyMatch(l -> l.contains(TWO_MONTHS) && l.endsWith("," + submission("2024/HN.TX/thang-5.csv")));
    }
}
