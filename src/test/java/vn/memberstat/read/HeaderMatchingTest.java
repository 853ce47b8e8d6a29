package vn.memberstat.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.TextFold;
import vn.memberstat.normalise.ReportFormColumns;

final class HeaderMatchingTest {
    private static final Catalogue CATALOGUE = Catalogue.load();

    @Test
    void foldIgnoresCaseSpacesUnicodeFormAndDiacritics() {
        String nfd = Normalizer.normalize("Kết nạp Đảng viên – Học sinh THPT", Normalizer.Form.NFD);
        assertThat(TextFold.fold(nfd)).isEqualTo("ket nap dang vien - hoc sinh thpt");
        assertThat(TextFold.fold("  KET NAP   dang vien - hoc sinh thpt ")).isEqualTo("ket nap dang vien - hoc sinh thpt");
    }

    @Test
    void layoutsAreRecognisedFromTheirHeaders() {
        assertThat(LayoutDetector.detect(List.of("unit_code", "unit_name", "parent_code", "level", "unit_type", "valid_from",
                "valid_to", "successor_code"))).contains(Layout.REGISTRY);
        assertThat(LayoutDetector.detect(List.of("Unit_Code", "Period", "Indicator", "Category", "Value", "Comment")))
                .contains(Layout.LONG);
        assertThat(LayoutDetector.detect(List.of("unit_code", "period", "indicator", "value"))).contains(Layout.LONG);
        assertThat(LayoutDetector.detect(List.of("Mã đơn vị", "Kỳ báo cáo", "Kết nạp đảng viên"))).contains(Layout.REPORT_FORM);
        assertThat(LayoutDetector.detect(List.of("MA DON VI", "ky bao cao", "x"))).contains(Layout.REPORT_FORM);
        assertThat(LayoutDetector.detect(List.of("unit", "when", "what"))).isEmpty();
        assertThat(LayoutDetector.detect(List.of("unit_code"))).isEmpty();
    }

    @Test
    void reportFormColumnsMatchCatalogueLabels() {
        ReportFormColumns form = ReportFormColumns.bind(CATALOGUE, List.of("Mã đơn vị", "Kỳ báo cáo",
                "Kết nạp đảng viên - Tổng số",
                "Ket nap dang vien - Hoc sinh THPT",
                Normalizer.normalize("Kết nạp đảng viên - Người lao động doanh nghiệp ngoài nhà nước", Normalizer.Form.NFD),
                "Tổng số đảng viên",
                "Chỉ tiêu kết nạp theo tỷ lệ đảng viên (%)",
                "Chỉ tiêu kết nạp - Sinh viên",
                "Lớp bồi dưỡng nhận thức về Đảng - Số học viên",
                "Huy hiệu Đảng - 30 năm",
                "Đưa ra khỏi Đảng - Xóa tên",
                "Quần chúng ưu tú - Tổng số",
                "Kết nạp đảng viên - Người cao tuổi",
                "Ghi chú"));
        List<ReportFormColumns.Column> c = form.columns();
        assertThat(value(c.get(2))).isEqualTo("admitted/total");
        assertThat(value(c.get(3))).isEqualTo("admitted/thpt_student");
        assertThat(value(c.get(4))).isEqualTo("admitted/nonstate_enterprise_worker");
        assertThat(value(c.get(5))).as("'- Tổng số' may be omitted").isEqualTo("members/total");
        assertThat(value(c.get(6))).as("the longest label wins over its prefix 'Chỉ tiêu kết nạp'").isEqualTo("admission_quota_rate/total");
        assertThat(value(c.get(7))).isEqualTo("admission_quota/university_student");
        assertThat(value(c.get(8))).isEqualTo("awareness_classes/attendees");
        assertThat(value(c.get(9))).isEqualTo("badges/years_30");
        assertThat(value(c.get(10))).isEqualTo("removed/struck_off");
        assertThat(c.get(11)).isInstanceOfSatisfying(ReportFormColumns.Unmatched.class,
                u -> assertThat(u.reason()).isEqualTo(ReasonCode.UNKNOWN_INDICATOR));
        assertThat(c.get(12)).isInstanceOfSatisfying(ReportFormColumns.Unmatched.class,
                u -> assertThat(u.reason()).isEqualTo(ReasonCode.UNKNOWN_CATEGORY));
        assertThat(form.commentIndex()).isEqualTo(13);
    }

    private static String value(ReportFormColumns.Column column) {
        assertThat(column).isInstanceOf(ReportFormColumns.Value.class);
        ReportFormColumns.Value v = (ReportFormColumns.Value) column;
        return v.indicator().code() + "/" + v.category().code();
    }
}
