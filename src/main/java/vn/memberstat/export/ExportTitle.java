package vn.memberstat.export;

import java.time.LocalDate;

/** The words around the figures: each sheet's and page's title, the data date, the total row's label. */
record ExportTitle(int year, String unit, String unitName, int level, LocalDate dataDate, Language language) {
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
                ? "Năm " + year + "; đơn vị cấp " + level + "; số liệu đến ngày " + date
                : "Year " + year + "; units of level " + level + "; data as of " + date;
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
