package vn.memberstat.normalise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.catalogue.Indicator;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.TextFold;

/**
 * The meaning of each column of a report form: {@code <indicator label> - <category label>} matched
 * against the catalogue ignoring case, spaces, Unicode form and diacritics. A header that matches no
 * label is kept with its reason, so the non-empty cells under it can be quarantined.
 */
public final class ReportFormColumns {
    private static final String COMMENT = "ghi chu";
    private final List<Column> columns;
    private final int commentIndex;

    public sealed interface Column permits Value, Unmatched, Ignored {}

    public record Value(String header, Indicator indicator, Indicator.Category category) implements Column {}

    public record Unmatched(String header, ReasonCode reason, String detail) implements Column {}

    public record Ignored() implements Column {}

    private ReportFormColumns(List<Column> columns, int commentIndex) {
        this.columns = List.copyOf(columns);
        this.commentIndex = commentIndex;
    }

    /**
     * Binds report-form headers, remembering each distinct header: a national month brings tens of
     * thousands of forms with a handful of different headers.
     */
    public static final class Binder {
        private final Catalogue catalogue;
        private final java.util.concurrent.ConcurrentHashMap<List<String>, ReportFormColumns> bound =
                new java.util.concurrent.ConcurrentHashMap<>();

        public Binder(Catalogue catalogue) {
            this.catalogue = catalogue;
        }

        public ReportFormColumns bind(List<String> header) {
            ReportFormColumns columns = bound.get(header);
            if (columns == null) {
                columns = ReportFormColumns.bind(catalogue, header);
                if (bound.size() < 10_000) {
                    bound.put(List.copyOf(header), columns);
                }
            }
            return columns;
        }
    }

    public static ReportFormColumns bind(Catalogue catalogue, List<String> header) {
        List<Indicator> byLabelLength = catalogue.indicators().stream()
                .sorted(Comparator.comparingInt((Indicator i) -> TextFold.fold(i.labelVi()).length()).reversed())
                .toList();
        List<Column> columns = new ArrayList<>();
        int comment = -1;
        for (int i = 0; i < header.size(); i++) {
            String folded = TextFold.fold(header.get(i));
            if (i < 2) {
                columns.add(new Ignored());
            } else if (folded.equals(COMMENT)) {
                comment = i;
                columns.add(new Ignored());
            } else {
                columns.add(bindOne(byLabelLength, header.get(i), folded));
            }
        }
        return new ReportFormColumns(columns, comment);
    }

    private static Column bindOne(List<Indicator> indicators, String header, String folded) {
        for (Indicator indicator : indicators) {
            String label = TextFold.fold(indicator.labelVi());
            if (!folded.startsWith(label)) {
                continue;
            }
            String rest = folded.substring(label.length()).strip();
            if (!rest.isEmpty() && !rest.startsWith("-")) {
                continue;
            }
            String categoryLabel = rest.isEmpty() ? "" : rest.substring(1).strip();
            if (categoryLabel.isEmpty() || (categoryLabel.equals("tong so") && indicator.category("total").isPresent())) {
                return new Value(header, indicator, categoryLabel.isEmpty() ? indicator.defaultCategory()
                        : indicator.category("total").orElseThrow());
            }
            for (Indicator.Category c : indicator.categories()) {
                if (TextFold.fold(c.labelVi()).equals(categoryLabel)) {
                    return new Value(header, indicator, c);
                }
            }
            return new Unmatched(header, ReasonCode.UNKNOWN_CATEGORY, "column '" + header + "': category '" + categoryLabel
                    + "' is not a category of " + indicator.code());
        }
        return new Unmatched(header, ReasonCode.UNKNOWN_INDICATOR, "column '" + header
                + "' matches no indicator label of the catalogue");
    }

    public List<Column> columns() {
        return columns;
    }

    public int commentIndex() {
        return commentIndex;
    }
}
