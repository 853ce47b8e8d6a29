package vn.memberstat.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by JFreeChart and rendered to SVG by JFreeSVG on the server, so the page inlines them and
 * loads nothing: attainment per unit against the pro-rated expectation, admissions per month, removals by reason.
 */
final class SvgCharts {
    static final int WIDTH = 1000;
    static final int HEIGHT = 380;
    /** Units charted at most, the furthest behind first: more bars than this are unreadable on A4. */
    static final int MAX_UNITS = 40;

    private final Language language;

    SvgCharts(Language language) {
        this.language = language;
    }

    /** Bars of attainment per unit (those furthest behind first), a line where a steady pace would be. */
    String attainment(SectionTable admissions) {
        int attainment = admissions.index("attainment_pct");
        int expected = admissions.index("expected_pct");
        List<Object[]> rows = new ArrayList<>(admissions.rows().stream().filter(r -> r[attainment] != null).toList());
        rows.sort(Comparator.comparingDouble(r -> ((Number) r[attainment]).doubleValue()));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = admissions.columns().get(attainment).label(language);
        double expectedPct = 0;
        for (Object[] row : rows.subList(0, Math.min(MAX_UNITS, rows.size()))) {
            data.addValue((Number) row[attainment], series, (String) row[admissions.index("unit_code")]);
            expectedPct = Math.max(expectedPct, row[expected] == null ? 0 : ((Number) row[expected]).doubleValue());
        }
        JFreeChart chart = bars(Section.ADMISSIONS.title(language) + ": " + series + " (%)", data, true);
        ValueMarker pace = new ValueMarker(expectedPct, new Color(0xC0392B), new BasicStroke(2.5f));
        pace.setLabel(admissions.columns().get(expected).label(language) + " " + language.numbers(true).format(expectedPct) + " %");
        pace.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        pace.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        ((CategoryPlot) chart.getPlot()).addRangeMarker(pace);
        return svg(chart);
    }

    /** The total's admissions in each month. */
    String months(SectionTable months) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String series = months.columns().get(months.index("admitted_count")).label(language);
        for (Object[] row : months.totals()) {
            data.addValue((Number) row[months.index("admitted_count")], series, String.valueOf(row[months.index("month")]));
        }
        return svg(bars(Section.ADMISSIONS_BY_MONTH.title(language), data, false));
    }

    /** The total's removals by reason. */
    String removals(SectionTable screening) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String column : List.of("expelled_count", "struck_off_count", "removed_by_decision_count")) {
            for (Object[] row : screening.totals()) {
                Object value = row[screening.index(column)];
                data.addValue(value == null ? 0 : (Number) value, "", screening.columns().get(screening.index(column)).label(language));
            }
        }
        return svg(bars(Section.SCREENING.title(language), data, false));
    }

    private JFreeChart bars(String title, DefaultCategoryDataset data, boolean slanted) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, null, data, PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, new Color(0x2E6DA4));
        renderer.setShadowVisible(false);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(language.numbers(true));   // 28.000 in Vietnamese
        if (slanted) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return chart;
    }

    private static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        // a view box lets the page scale the chart to the paper's width
        return g.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }
}
