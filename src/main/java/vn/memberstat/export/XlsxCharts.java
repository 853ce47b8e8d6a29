package vn.memberstat.export;

import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook's native Excel charts (POI's XDDF), on a sheet of their own: attainment per unit against the pro-rated
 * expectation, and the total's admissions per month. Each series refers to its cells on the section's sheet, so Excel
 * redraws it from them; the values given here are only the cache shown before it does.
 */
final class XlsxCharts {
    /** Units charted at most: beyond that a bar chart is unreadable, and the sheet has every row anyway. */
    static final int MAX_UNITS = 200;

    private XlsxCharts() {}

    static void add(XSSFWorkbook workbook, List<SectionTable> sections, ExportTitle title) {
        SectionTable admissions = find(sections, Section.ADMISSIONS);
        SectionTable months = find(sections, Section.ADMISSIONS_BY_MONTH);
        if (admissions == null && months == null) {
            return;
        }
        XSSFSheet sheet = workbook.createSheet("charts");
        sheet.createRow(0).createCell(0).setCellValue(title.heading(Section.ADMISSIONS));
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        if (admissions != null && !admissions.rows().isEmpty()) {
            int n = Math.min(MAX_UNITS, admissions.rows().size());
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, 2, 16, 24));
            chart.setTitleText(admissions.columns().get(admissions.index("attainment_pct")).label(title.language()));
            chart.setTitleOverlay(false);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            y.setNumberFormat("0%");
            XDDFCategoryDataSource units = XDDFDataSourcesFactory.fromArray(texts(admissions, "unit_code", n),
                    range(admissions, "unit_code", 0, n));
            XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
            bars.setBarDirection(BarDirection.COL);
            series(bars, units, admissions, "attainment_pct", n, title);
            chart.plot(bars);
            XDDFChartData line = chart.createData(ChartTypes.LINE, x, y);
            series(line, units, admissions, "expected_pct", n, title);
            chart.plot(line);
        }
        if (months != null && !months.totals().isEmpty()) {
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, 26, 16, 46));
            chart.setTitleText(Section.ADMISSIONS_BY_MONTH.title(title.language()) + " - " + title.scopeName());
            chart.setTitleOverlay(false);
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            int first = months.rows().size();
            int n = months.totals().size();
            String[] labels = new String[n];
            Double[] values = new Double[n];
            for (int i = 0; i < n; i++) {
                Object[] row = months.totals().get(i);
                labels[i] = String.valueOf(row[months.index("month")]);
                values[i] = number(row[months.index("admitted_count")]);
            }
            XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
            bars.setBarDirection(BarDirection.COL);
            bars.addSeries(XDDFDataSourcesFactory.fromArray(labels, range(months, "month", first, n)),
                    XDDFDataSourcesFactory.fromArray(values, range(months, "admitted_count", first, n)))
                    .setTitle(months.columns().get(months.index("admitted_count")).label(title.language()), null);
            chart.plot(bars);
        }
    }

    private static void series(XDDFChartData data, XDDFCategoryDataSource units, SectionTable table, String column, int n,
            ExportTitle title) {
        Double[] values = new Double[n];
        for (int i = 0; i < n; i++) {
            values[i] = number(table.rows().get(i)[table.index(column)]) / 100;   // the cells hold fractions
        }
        data.addSeries(units, XDDFDataSourcesFactory.fromArray(values, range(table, column, 0, n)))
                .setTitle(table.columns().get(table.index(column)).label(title.language()), null);
    }

    /** The cells of {@code column} for data rows {@code from} to {@code from + n - 1} of the table's sheet. */
    private static String range(SectionTable table, String column, int from, int n) {
        String letter = CellReference.convertNumToColString(table.index(column));
        int top = XlsxWriter.HEADER_ROW + 2 + from;   // 1-based row numbers below the header
        return "'" + XlsxWriter.sheetName(table.section()) + "'!$" + letter + "$" + top + ":$" + letter + "$" + (top + n - 1);
    }

    private static String[] texts(SectionTable table, String column, int n) {
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            texts[i] = String.valueOf(table.rows().get(i)[table.index(column)]);
        }
        return texts;
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static SectionTable find(List<SectionTable> sections, Section section) {
        return sections.stream().filter(t -> t.section() == section).findFirst().orElse(null);
    }
}
