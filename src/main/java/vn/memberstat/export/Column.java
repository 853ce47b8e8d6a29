package vn.memberstat.export;

import java.util.Map;

/** A column of a section, named as in its view, with what kind of figure it holds and its labels. */
public record Column(String name, Kind kind) {
    public enum Kind {
        /** Unit codes, names, category codes and labels: text from outside, made formula-safe in every file. */
        TEXT,
        /** Whole numbers: counts, months. */
        COUNT,
        /** A percentage as the views give it, 0-100 with 2 decimals; workbooks store it as a fraction shown as %. */
        PERCENT,
        /** A rate with 2 decimals, such as removals per 1,000 members. */
        DECIMAL
    }

    static Column of(String name, boolean textual) {
        if (textual) {
            return new Column(name, Kind.TEXT);
        }
        if (name.endsWith("_pct")) {
            return new Column(name, Kind.PERCENT);
        }
        return new Column(name, name.startsWith("removed_per_") ? Kind.DECIMAL : Kind.COUNT);
    }

    public String label(Language language) {
        return language == Language.VI ? VI.getOrDefault(name, name) : name;
    }

    private static final Map<String, String> VI = Map.ofEntries(
            Map.entry("unit_code", "Mã đơn vị"), Map.entry("unit_name", "Tên đơn vị"), Map.entry("through_month", "Đến tháng"),
            Map.entry("admitted_count", "Số kết nạp"), Map.entry("quota_count", "Chỉ tiêu"),
            Map.entry("attainment_pct", "Tỷ lệ đạt chỉ tiêu"), Map.entry("expected_pct", "Tỷ lệ theo tiến độ"),
            Map.entry("expected_count", "Số theo tiến độ"), Map.entry("reporting_units", "Số đơn vị báo cáo"),
            Map.entry("category", "Mã đối tượng"), Map.entry("category_label_vi", "Đối tượng"),
            Map.entry("share_of_total_pct", "Tỷ lệ trong tổng số"), Map.entry("month", "Tháng"),
            Map.entry("made_official_count", "Số chuyển chính thức"),
            Map.entry("awareness_classes", "Lớp nhận thức về Đảng: số lớp"),
            Map.entry("awareness_attendees", "Lớp nhận thức về Đảng: học viên"),
            Map.entry("new_member_classes", "Lớp đảng viên mới: số lớp"),
            Map.entry("new_member_attendees", "Lớp đảng viên mới: học viên"),
            Map.entry("reviewed_count", "Số đảng viên được rà soát"), Map.entry("members_at_start", "Đảng viên đầu năm"),
            Map.entry("expelled_count", "Khai trừ"), Map.entry("struck_off_count", "Xóa tên"),
            Map.entry("removed_by_decision_count", "Cho ra khỏi Đảng"), Map.entry("removed_count", "Tổng số đưa ra khỏi Đảng"),
            Map.entry("removed_per_1000_members", "Đưa ra khỏi Đảng trên 1.000 đảng viên"),
            Map.entry("members_at_end", "Đảng viên cuối kỳ"), Map.entry("end_month", "Tháng cuối kỳ"),
            Map.entry("change_count", "Tăng, giảm"), Map.entry("change_pct", "Tỷ lệ tăng, giảm"),
            Map.entry("years_30", "Huy hiệu 30 năm"), Map.entry("years_40", "Huy hiệu 40 năm"),
            Map.entry("years_45", "Huy hiệu 45 năm"), Map.entry("years_50", "Huy hiệu 50 năm"),
            Map.entry("years_55", "Huy hiệu 55 năm"), Map.entry("years_60", "Huy hiệu 60 năm"),
            Map.entry("years_65", "Huy hiệu 65 năm"), Map.entry("years_70", "Huy hiệu 70 năm"),
            Map.entry("years_75", "Huy hiệu 75 năm"), Map.entry("years_80", "Huy hiệu 80 năm"),
            Map.entry("years_85", "Huy hiệu 85 năm"), Map.entry("years_90", "Huy hiệu 90 năm"),
            Map.entry("badges_total", "Tổng số huy hiệu"), Map.entry("expected_reports", "Số báo cáo phải nộp"),
            Map.entry("received_reports", "Số báo cáo đã nhận"), Map.entry("on_time_reports", "Số báo cáo đúng hạn"),
            Map.entry("received_pct", "Tỷ lệ đã nhận"), Map.entry("on_time_pct", "Tỷ lệ đúng hạn"),
            Map.entry("error_findings", "Lỗi dữ liệu"), Map.entry("warning_findings", "Cảnh báo"),
            Map.entry("unresolved_rows", "Dòng bị cách ly chưa xử lý"));
}
