package vn.memberstat.generate;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.catalogue.Indicator;

/**
 * Writes a month's figures as the organisation's tool would: the long layout (comma or semicolon) or
 * the report form with the catalogue's Vietnamese labels, in its encoding and line ends, with the
 * mistakes {@link Blunders} decides on.
 */
final class SubmissionWriter {
    static final String LONG_HEADER = "unit_code,period,indicator,category,value,comment";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private final Catalogue catalogue;
    private final Map<String, String> labels = new LinkedHashMap<>();

    SubmissionWriter(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The bytes of a file and how many values it holds (long lines, or non-empty report-form cells). */
    record Content(byte[] bytes, int values) {}

    /**
     * The organisation's file for the month. {@code admittedSlip} is added to the total admissions
     * (a mistake a later correction puts right); 0 for none.
     */
    Content monthly(Grassroots unit, MonthFigures figures, Blunders blunders, long admittedSlip) {
        ReportingHabits h = unit.habits();
        String period = period(figures.month(), h.yearToDate());
        String comment = comment(unit, figures.month());
        StringBuilder text = new StringBuilder(4096);
        int values;
        if (h.style() == SubmissionStyle.REPORT_FORM) {
            values = reportForm(text, unit, figures, period, comment, blunders, admittedSlip, lineEnd(h));
        } else {
            values = longLayout(text, unit, figures, period, comment, h.style(), blunders, admittedSlip, lineEnd(h));
        }
        return new Content(encode(text, h), values);
    }

    /** A correction re-sending the whole month, in the long layout, without mistakes. */
    Content correction(Grassroots unit, MonthFigures figures) {
        StringBuilder text = new StringBuilder(4096);
        int values = longLayout(text, unit, figures, period(figures.month(), unit.habits().yearToDate()),
                "Đính chính số liệu tháng " + figures.month().getMonthValue() + "/" + figures.month().getYear(),
                SubmissionStyle.LONG_COMMA, new Blunders(null, 0), 0, "\n");
        return new Content(text.toString().getBytes(StandardCharsets.UTF_8), values);
    }

    /** Appends at most {@code maxRows} of the month's long-layout lines, without a header, for the one-file backfill. */
    int appendLong(StringBuilder text, Grassroots unit, MonthFigures figures, Blunders blunders, int maxRows) {
        return longRows(text, unit, figures, period(figures.month(), unit.habits().yearToDate()), null,
                SubmissionStyle.LONG_COMMA, blunders, 0, "\n", maxRows);
    }

    static String period(YearMonth month, boolean yearToDate) {
        int m = month.getMonthValue();
        if (!yearToDate || m == 1) {
            return "%d-%02d".formatted(month.getYear(), m);
        }
        return "%d-01..%d-%02d".formatted(month.getYear(), month.getYear(), m);
    }

    private int longLayout(StringBuilder text, Grassroots unit, MonthFigures figures, String period, String comment,
            SubmissionStyle style, Blunders blunders, long admittedSlip, String eol) {
        text.append(style == SubmissionStyle.LONG_COMMA ? LONG_HEADER : LONG_HEADER.replace(',', ';')).append(eol);
        return longRows(text, unit, figures, period, comment, style, blunders, admittedSlip, eol, Integer.MAX_VALUE);
    }

    private int longRows(StringBuilder text, Grassroots unit, MonthFigures figures, String period, String comment,
            SubmissionStyle style, Blunders blunders, long admittedSlip, String eol, int maxRows) {
        char sep = style.separator();
        boolean cumulative = unit.habits().yearToDate();
        int values = 0;
        for (Figure f : Figure.ALL) {
            if (values == maxRows) {
                return values;
            }
            long v = figures.value(f, cumulative) + (f == Figure.ADMITTED ? admittedSlip : 0);
            row(text, sep, unit.code(), period, f.indicator(), category(style, f.indicator(), f.category()),
                    count(v, style.vietnameseNumbers()), true, f == Figure.ADMITTED ? comment : null, blunders, eol);
            values++;
        }
        for (Quota q : figures.quotas()) {
            if (values == maxRows) {
                return values;
            }
            row(text, sep, unit.code(), q.period(), q.indicator(), category(style, q.indicator(), q.category()),
                    quotaValue(q, style.vietnameseNumbers()), !q.isRate(), null, blunders, eol);
            values++;
        }
        return values;
    }

    private static void row(StringBuilder text, char sep, String unit, String period, String indicator, String category,
            String value, boolean count, String comment, Blunders blunders, String eol) {
        Blunders.Kind blunder = blunders.next(true);
        if (blunder == Blunders.Kind.UNKNOWN_UNIT) {
            unit = Blunders.mistypedUnit(unit);
        } else if (blunder == Blunders.Kind.BAD_PERIOD) {
            period = blunders.badPeriod(period);
        } else if (blunder == Blunders.Kind.BAD_VALUE) {
            value = blunders.badValue(value, count);
        }
        text.append(unit).append(sep).append(CsvText.field(period, sep)).append(sep).append(indicator).append(sep)
                .append(category).append(sep).append(CsvText.field(value, sep)).append(sep);
        if (comment != null) {
            text.append(CsvText.field(comment, sep));
        }
        text.append(eol);
    }

    private int reportForm(StringBuilder text, Grassroots unit, MonthFigures figures, String period, String comment,
            Blunders blunders, long admittedSlip, String eol) {
        char sep = ';';
        Set<String> quotaColumns = new LinkedHashSet<>();
        for (Quota q : figures.quotas()) {
            quotaColumns.add(q.indicator() + "|" + q.category());
        }
        text.append("Mã đơn vị;Kỳ báo cáo");
        for (Figure f : Figure.ALL) {
            text.append(sep).append(label(f.indicator(), f.category()));
        }
        for (String column : quotaColumns) {
            String[] parts = column.split("\\|");
            text.append(sep).append(label(parts[0], parts[1]));
        }
        text.append(sep).append("Ghi chú").append(eol);

        boolean cumulative = unit.habits().yearToDate();
        int values = 0;
        text.append(unit.code()).append(sep).append(period);
        for (Figure f : Figure.ALL) {
            long v = figures.value(f, cumulative) + (f == Figure.ADMITTED ? admittedSlip : 0);
            text.append(sep).append(cell(count(v, true), true, blunders));
            values++;
        }
        for (int i = 0; i < quotaColumns.size(); i++) {
            text.append(sep);
        }
        text.append(sep).append(CsvText.field(comment, sep)).append(eol);

        Map<String, List<Quota>> byPeriod = new LinkedHashMap<>();
        for (Quota q : figures.quotas()) {
            byPeriod.computeIfAbsent(q.period(), k -> new ArrayList<>()).add(q);
        }
        for (Map.Entry<String, List<Quota>> e : byPeriod.entrySet()) {
            text.append(unit.code()).append(sep).append(e.getKey());
            text.append(String.valueOf(sep).repeat(Figure.ALL.length));
            for (String column : quotaColumns) {
                text.append(sep);
                for (Quota q : e.getValue()) {
                    if (column.equals(q.indicator() + "|" + q.category())) {
                        text.append(cell(quotaValue(q, true), !q.isRate(), blunders));
                        values++;
                    }
                }
            }
            String note = e.getKey().length() == 4 ? "Chỉ tiêu năm " + e.getKey() : "Chỉ tiêu nhiệm kỳ " + e.getKey();
            text.append(sep).append(note).append(eol);
        }
        return values;
    }

    private static String cell(String value, boolean count, Blunders blunders) {
        String v = blunders.next(false) == Blunders.Kind.BAD_VALUE ? blunders.badValue(value, count) : value;
        return CsvText.field(v, ';');
    }

    /** The report-form header of an indicator and category: "Kết nạp đảng viên - Nữ"; a lone total is the label alone. */
    String label(String indicatorCode, String categoryCode) {
        return labels.computeIfAbsent(indicatorCode + "|" + categoryCode, k -> {
            Indicator indicator = catalogue.indicator(indicatorCode)
                    .orElseThrow(() -> new IllegalStateException("indicator " + indicatorCode + " is not in the catalogue"));
            Indicator.Category category = indicator.category(categoryCode)
                    .orElseThrow(() -> new IllegalStateException(categoryCode + " is not a category of " + indicatorCode));
            return indicator.categories().size() == 1 ? indicator.labelVi() : indicator.labelVi() + " - " + category.labelVi();
        });
    }

    private String category(SubmissionStyle style, String indicatorCode, String categoryCode) {
        if (style == SubmissionStyle.LONG_SEMICOLON && categoryCode.equals("total")
                && catalogue.indicator(indicatorCode).map(i -> i.categories().size() == 1).orElse(false)) {
            return "";
        }
        return categoryCode;
    }

    /** A count as written: {@code 20772}, or {@code 20.772} in Vietnamese spreadsheets. */
    static String count(long value, boolean vietnamese) {
        String digits = Long.toString(value);
        if (!vietnamese || value < 1000) {
            return digits;
        }
        StringBuilder grouped = new StringBuilder(digits.length() + 4);
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        grouped.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            grouped.append('.').append(digits, i, i + 3);
        }
        return grouped.toString();
    }

    /** A quota: a count, or a per cent with a decimal comma ({@code 3,25}). */
    static String quotaValue(Quota q, boolean vietnamese) {
        if (!q.isRate()) {
            return count(Math.round(q.value()), vietnamese);
        }
        long hundredths = Math.round(q.value() * 100);
        String whole = Long.toString(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction == 0) {
            return whole;
        }
        return fraction % 10 == 0 ? whole + "," + fraction / 10 : whole + "," + "%02d".formatted(fraction);
    }

    private static String comment(Grassroots unit, YearMonth month) {
        if (Math.floorMod(unit.serial() * 31 + month.getYear() * 12 + month.getMonthValue(), 10) != 0) {
            return null;
        }
        return switch (month.getMonthValue()) {
            case 2 -> "Đợt kết nạp chào mừng kỷ niệm ngày thành lập Đảng 3/2";
            case 5 -> "Kết nạp đảng viên dịp kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh 19/5";
            case 12 -> "Số liệu chính thức năm " + month.getYear();
            default -> null;
        };
    }

    private static String lineEnd(ReportingHabits h) {
        return h.crlf() ? "\r\n" : "\n";
    }

    private static byte[] encode(StringBuilder text, ReportingHabits h) {
        String s = h.decomposed() ? Normalizer.normalize(text, Normalizer.Form.NFD) : text.toString();
        byte[] body = s.getBytes(StandardCharsets.UTF_8);
        if (!h.byteOrderMark()) {
            return body;
        }
        byte[] withBom = new byte[body.length + BOM.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(body, 0, withBom, BOM.length, body.length);
        return withBom;
    }
}
