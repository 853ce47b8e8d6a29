package vn.memberstat.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report as one self-contained HTML page, rendered from the Thymeleaf template {@code export/report.html}: the
 * charts inlined as SVG, the styles in the page, nothing loaded from the network; laid out to print on A4.
 */
final class HtmlReport {
    /** A cell as shown: its text, and whether it is a number (right-aligned). */
    record Cell(String text, boolean number) {}

    /** A section as shown: its title, the column labels, its rows, the total rows. */
    record Table(String title, List<String> headers, List<List<Cell>> rows, List<List<Cell>> totals) {}

    private final ExportTitle title;
    private final TemplateEngine engine;

    HtmlReport(ExportTitle title) {
        this.title = title;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        resolver.setPrefix("export/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    void write(List<SectionTable> sections, Path file) throws IOException {
        Language language = title.language();
        SvgCharts charts = new SvgCharts(language);
        Map<String, String> svgs = new LinkedHashMap<>();   // id -> SVG element
        List<Table> tables = new ArrayList<>();
        for (SectionTable section : sections) {
            switch (section.section()) {
                case ADMISSIONS -> svgs.put("attainment", charts.attainment(section));
                case ADMISSIONS_BY_MONTH -> svgs.put("months", charts.months(section));
                case SCREENING -> svgs.put("removals", charts.removals(section));
                default -> { }
            }
            tables.add(table(section));
        }
        Context context = new Context(language == Language.VI ? Locale.forLanguageTag("vi-VN") : Locale.ENGLISH);
        context.setVariable("lang", language == Language.VI ? "vi" : "en");
        context.setVariable("heading", (language == Language.VI ? "Báo cáo năm " : "Yearly report ") + title.year() + " - "
                + title.scopeName());
        context.setVariable("subheading", title.subheading());
        context.setVariable("charts", svgs.values());
        context.setVariable("tables", tables);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            engine.process("report", context, out);
        }
    }

    private Table table(SectionTable section) {
        Language language = title.language();
        List<String> headers = section.columns().stream().map(c -> c.label(language)).toList();
        List<List<Cell>> rows = new ArrayList<>();
        section.rows().forEach(row -> rows.add(cells(section, row)));
        List<List<Cell>> totals = new ArrayList<>();
        section.totals().forEach(row -> totals.add(cells(section, title.totalRow(section, row))));
        return new Table(section.section().title(language), headers, rows, totals);
    }

    private List<Cell> cells(SectionTable section, Object[] row) {
        DecimalFormat numbers = title.language().numbers(true);
        List<Cell> cells = new ArrayList<>(row.length);
        for (int c = 0; c < row.length; c++) {
            Object value = row[c];
            Column.Kind kind = section.columns().get(c).kind();
            if (value == null) {
                cells.add(new Cell("", kind != Column.Kind.TEXT));
            } else if (kind == Column.Kind.TEXT) {
                cells.add(new Cell(value.toString(), false));   // the template escapes it
            } else {
                String text = numbers.format(((Number) value).doubleValue());
                cells.add(new Cell(kind == Column.Kind.PERCENT ? text + " %" : text, true));
            }
        }
        return cells;
    }
}
