package vn.memberstat.normalise;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.memberstat.catalogue.Indicator;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.read.Layout;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.read.SourceRow;
import vn.memberstat.read.SubmissionReader;

/**
 * Reads the rows of one long-layout or report-form submission and sends every value either to the
 * lake or to quarantine, counting as it goes. A value is one long-layout line or one non-empty
 * report-form cell; blank lines hold no value.
 */
public final class DataFileNormaliser {
    private final ValueNormaliser normaliser;
    private final ReportFormColumns.Binder forms;

    public DataFileNormaliser(ValueNormaliser normaliser) {
        this.normaliser = normaliser;
        this.forms = new ReportFormColumns.Binder(normaliser.catalogue());
    }

    public FileOutcome process(String submissionId, String filePath, Layout layout, SubmissionReader reader,
            Consumer<NormalisedValue> values, Consumer<Rejection> rejections) {
        Counter counter = new Counter();
        Consumer<Rejection> countingRejections = r -> {
            counter.quarantined++;
            rejections.accept(r);
        };
        Consumer<NormalisedValue> countingValues = v -> {
            counter.accepted++;
            values.accept(v);
        };
        if (layout == Layout.LONG) {
            readLong(submissionId, filePath, reader, countingValues, countingRejections, counter);
        } else if (layout == Layout.REPORT_FORM) {
            readForm(submissionId, filePath, reader, countingValues, countingRejections, counter);
        } else {
            throw new IllegalArgumentException("not a data layout: " + layout);
        }
        if (counter.read == 0) {
            return FileOutcome.refused(submissionId, layout.code(), ReasonCode.EMPTY_FILE, "the file has a header but no rows");
        }
        return new FileOutcome(submissionId, layout.code(), counter.read, counter.accepted, counter.quarantined, 0, null, null);
    }

    private void readLong(String submissionId, String filePath, SubmissionReader reader, Consumer<NormalisedValue> values,
            Consumer<Rejection> rejections, Counter counter) {
        Map<String, Integer> c = LayoutDetector.columnIndex(reader.header());
        int unit = c.get("unit_code");
        int period = c.get("period");
        int indicator = c.get("indicator");
        int value = c.get("value");
        int category = c.getOrDefault("category", -1);
        int comment = c.getOrDefault("comment", -1);
        SourceRow row;
        while ((row = reader.next()) != null) {
            if (row.problem() == null && row.isBlank()) {
                continue;
            }
            counter.read++;
            if (row.problem() != null) {
                rejections.accept(problem(submissionId, filePath, row));
                continue;
            }
            String misaligned = tooManyFields(row, reader.header().size());
            if (misaligned != null) {
                rejections.accept(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), ReasonCode.MALFORMED_ROW,
                        misaligned, trim(row.field(unit)), trim(row.field(period)), trim(row.field(indicator)),
                        trim(row.field(category)), trim(row.field(value)), trim(row.field(comment))));
                continue;
            }
            try {
                Indicator ind = normaliser.indicator(row.field(indicator));
                Indicator.Category cat = ValueNormaliser.category(ind, row.field(category));
                values.accept(normaliser.normalise(submissionId, row.lineNumber(), row.field(unit), row.field(period),
                        ind, cat, row.field(value), row.field(comment)));
            } catch (RowRejectedException e) {
                rejections.accept(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), e.reason(), e.detail(),
                        trim(row.field(unit)), trim(row.field(period)), trim(row.field(indicator)), trim(row.field(category)),
                        trim(row.field(value)), trim(row.field(comment))));
            }
        }
    }

    private void readForm(String submissionId, String filePath, SubmissionReader reader, Consumer<NormalisedValue> values,
            Consumer<Rejection> rejections, Counter counter) {
        ReportFormColumns form = forms.bind(reader.header());
        List<ReportFormColumns.Column> columns = form.columns();
        SourceRow row;
        while ((row = reader.next()) != null) {
            if (row.problem() != null) {
                counter.read++;
                rejections.accept(problem(submissionId, filePath, row));
                continue;
            }
            String unit = row.field(0);
            String period = row.field(1);
            String comment = row.field(form.commentIndex());
            int width = Math.max(row.fields().size(), columns.size());
            for (int i = 2; i < width; i++) {
                String cell = row.field(i);
                if (cell == null || cell.isBlank()) {
                    continue;
                }
                ReportFormColumns.Column column = i < columns.size() ? columns.get(i) : null;
                if (column instanceof ReportFormColumns.Ignored) {
                    continue;
                }
                counter.read++;
                if (column == null) {
                    rejections.accept(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), ReasonCode.UNKNOWN_INDICATOR,
                            "cell " + (i + 1) + " has no column header", trim(unit), trim(period), null, null, trim(cell), trim(comment)));
                } else if (column instanceof ReportFormColumns.Unmatched u) {
                    rejections.accept(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), u.reason(), u.detail(),
                            trim(unit), trim(period), u.header(), null, trim(cell), trim(comment)));
                } else if (column instanceof ReportFormColumns.Value v) {
                    try {
                        values.accept(normaliser.normalise(submissionId, row.lineNumber(), unit, period, v.indicator(),
                                v.category(), cell, comment));
                    } catch (RowRejectedException e) {
                        rejections.accept(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), e.reason(),
                                "column '" + v.header() + "': " + e.detail(), trim(unit), trim(period), v.indicator().code(),
                                v.category().code(), trim(cell), trim(comment)));
                    }
                }
            }
        }
    }

    static Rejection problem(String submissionId, String filePath, SourceRow row) {
        ReasonCode reason = row.problem() == SourceRow.Problem.LINE_TOO_LONG ? ReasonCode.LINE_TOO_LONG : ReasonCode.MALFORMED_ROW;
        String detail;
        if (reason == ReasonCode.LINE_TOO_LONG) {
            detail = "the record is longer than the line limit (memberstat.max-line-chars); the rest of the file is read";
        } else if (row.problemDetail() != null) {
            detail = row.problemDetail();
        } else {
            detail = "the record cannot be split into fields, such as a quote that is never closed";
        }
        return new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), reason, detail,
                null, null, null, null, null, null);
    }

    /**
     * A long-layout row with non-empty fields beyond the header's columns does not say which column
     * holds what: typically an unquoted decimal comma ({@code 1,25}) in a comma-separated file, which
     * would otherwise load as 1 and lose the 25. Empty trailing fields, as spreadsheets write them, are harmless.
     */
    private static String tooManyFields(SourceRow row, int headerWidth) {
        for (int i = headerWidth; i < row.fields().size(); i++) {
            if (!row.fields().get(i).isBlank()) {
                return "the row has " + row.fields().size() + " fields and field " + (i + 1) + " ('" + row.fields().get(i).strip()
                        + "') is not empty, but the header has " + headerWidth + " columns: quote a value or comment that"
                        + " holds the separator, such as a decimal comma (\"1,25\")";
            }
        }
        return null;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final class Counter {
        long read;
        long accepted;
        long quarantined;
    }
}
