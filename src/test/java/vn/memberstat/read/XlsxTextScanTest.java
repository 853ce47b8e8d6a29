package vn.memberstat.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Workbooks;

/** The byte search that rules a workbook out as a registry before POI opens it: only "no" may be trusted. */
final class XlsxTextScanTest {
    @TempDir
    Path temp;

    @Test
    void aRegistryHeaderIsFoundInSharedOrInlineStringsAndAReportFormIsRuledOut() throws IOException {
        XSSFWorkbook registry = Workbooks.xlsx();   // shared strings, as Excel saves
        Workbooks.sheet(registry, "Số liệu", new Object[] {"Mã đơn vị", "Kỳ báo cáo", "Tổng số đảng viên"});
        Workbooks.sheet(registry, "DV", new Object[] {"unit_code", "unit_name", "level", "Valid_From"});
        assertThat(XlsxTextScan.mayHold(Workbooks.save(registry, temp.resolve("dv.xlsx")), "valid")).isTrue();

        SXSSFWorkbook inline = new SXSSFWorkbook();   // inline strings in the sheet, as streaming writers save
        Workbooks.sheet(inline, "DV", new Object[] {"unit_code", "unit_name", "level", "VALID_FROM"});
        assertThat(XlsxTextScan.mayHold(Workbooks.save(inline, temp.resolve("inline.xlsx")), "valid")).isTrue();

        XSSFWorkbook form = Workbooks.xlsx();
        Workbooks.sheet(form, "THD", new Object[] {"Mã đơn vị", "Kỳ báo cáo", "Tổng số đảng viên"},
                new Object[] {"HN.TX.THD", "2024-05", 68});
        assertThat(XlsxTextScan.mayHold(Workbooks.save(form, temp.resolve("form.xlsx")), "valid")).isFalse();
    }

    @Test
    void aFileThatIsNoZipMayHoldAnything() throws IOException {
        Path notZip = Files.writeString(temp.resolve("bad.xlsx"), "unit_code,period\n");
        assertThat(XlsxTextScan.mayHold(notZip, "valid")).as("POI opens it and refuses it").isTrue();
    }
}
