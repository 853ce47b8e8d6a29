package vn.memberstat.export;

import java.time.LocalDate;

/** The words around the figures: each sheet's and page's title, the data date, the total row's label. */
record ExportTitle(int year, String unit, String unitName, int level, LocalDate dataDate, Language language,
        boolean restated) {
    String heading(Section section) {
        return section.title(language) + " " + year + " - " + scopeName();
    }

    String scopeName() {
        if (unit == null) {
            return language == Language.VI ? "Tất cả đơn vị" : "All units";
        }
        return unitName == null ? unit : unit + " " + unitName;
    }

    String subheading() {
        String date = dataDate == null ? "-" : dataDate.toString();
        return language == Language.VI
                ? "Năm " + year + "; đơn vị cấp " + level + "; số liệu đến ngày " + date + (restated
                        ? "; tính lại theo đơn vị hiện nay (trừ Báo cáo đầy đủ và Chất lượng dữ liệu: theo đơn vị khi đó)" : "")
                : "Year " + year + "; units of level " + level + "; data as of " + date + (restated
                        ? "; restated to today's units (except Completeness and Data quality: units as they were)" : "");
    }

    String totalLabel() {
        return language == Language.VI ? "Tổng cộng" : "Total";
    }

    /** The total row as shown: its figures as the view gives them, its name cell saying it is the total. */
    Object[] totalRow(SectionTable table, Object[] row) {
        Object[] shown = row.clone();
        shown[table.index("unit_name")] = totalLabel();
        return shown;
    }
}
