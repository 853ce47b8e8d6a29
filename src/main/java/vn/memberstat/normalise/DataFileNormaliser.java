package vn.memberstat.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.memberstat.catalogue.Indicator;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.WorkerPool;
import vn.memberstat.read.Layout;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.read.SourceRow;
import vn.memberstat.read.RowSource;
import vn.memberstat.run.NormalisedValue;
import vn.memberstat.run.Rejection;
import vn.memberstat.common.RowRejectedException;

/**
 * Reads the rows of one long-layout or report-form submission and sends every value either to the
 * lake or to quarantine, counting as it goes. A value is one long-layout line or one non-empty
 * report-form cell; blank lines hold no value.
 *
 * <p>Rows are checked in batches. Given helper threads, the reading thread only splits records and
 * the batches are checked and written by the helpers, so one large file keeps every core busy.
 */
public final class DataFileNormaliser {
    /** Rows per batch: large enough to make handing over cheap, small enough to hold a few in memory. */
    static final int BATCH_ROWS = 2048;
    private final ValueNormaliser normaliser;
    private final ReportFormColumns.Binder forms;

    public DataFileNormaliser(ValueNormaliser normaliser) {
        this.normaliser = normaliser;
        this.forms = new ReportFormColumns.Binder(normaliser.catalogue());
    }

    /** What a batch of rows gave: accepted values, rejections, and the values read; each names the sheet of its row. */
    static final class Output {
        final List<NormalisedValue> values = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        long read;
        /** The sheet of the row being checked: null for a CSV. */
        String sheet;

        void reject(Rejection r) {
            rejections.add(sheet == null ? r : r.inSheet(sheet));
        }

        void accept(NormalisedValue v) {
            values.add(sheet == null ? v : v.inSheet(sheet));
        }
    }

    /** Checks one record of a file whose header has been bound. */
    interface RowHandler {
        void handle(SourceRow row, Output out);
    }

    /**
     * Reads the file to its end. {@code helpers} may be null: every batch is then checked on the
     * calling thread, in file order.
     */
    public FileOutcome process(String submissionId, String filePath, Layout layout, RowSource reader,
            Consumer<List<NormalisedValue>> values, Consumer<Rejection> rejections, WorkerPool helpers)
            throws InterruptedException {
        RowHandler handler = switch (layout) {
            case LONG -> longRows(submissionId, filePath, reader.header());
            case REPORT_FORM -> formRows(submissionId, filePath, reader.header());
            default -> throw new IllegalArgumentException("not a data layout: " + layout);
        };
        Totals totals = new Totals(values, rejections);
        Batches batches = new Batches(helpers);
        List<SourceRow> batch = new ArrayList<>(BATCH_ROWS);
        SourceRow row;
        try {
            while ((row = reader.next()) != null) {
                batch.add(row);
                if (batch.size() == BATCH_ROWS) {
                    batches.run(handler, batch, totals);
                    batch = new ArrayList<>(BATCH_ROWS);
                }
            }
            batches.run(handler, batch, totals);
        } finally {
            batches.awaitAll();
        }
        if (totals.read == 0) {
            return FileOutcome.refused(submissionId, layout.code(), ReasonCode.EMPTY_FILE, "the file has a header but no rows");
        }
        return new FileOutcome(submissionId, layout.code(), totals.read, totals.accepted, totals.quarantined, 0, null, null);
    }

    /** The counts of a file, added to as its batches finish, and where their results go. */
    private static final class Totals {
        private final Consumer<List<NormalisedValue>> values;
        private final Consumer<Rejection> rejections;
        private long read;
        private long accepted;
        private long quarantined;

        Totals(Consumer<List<NormalisedValue>> values, Consumer<Rejection> rejections) {
            this.values = values;
            this.rejections = rejections;
        }

        void add(Output out) {
            values.accept(out.values);
            out.rejections.forEach(rejections);
            synchronized (this) {
                read += out.read;
                accepted += out.values.size();
                quarantined += out.rejections.size();
            }
        }
    }

    /** Batches of rows checked on the caller or handed to helper threads ({@link WorkerPool.HandOff}). */
    private static final class Batches {
        private final WorkerPool.HandOff tasks;

        Batches(WorkerPool helpers) {
            this.tasks = WorkerPool.handOff(helpers);
        }

        void run(RowHandler handler, List<SourceRow> rows, Totals totals) throws InterruptedException {
            if (!rows.isEmpty()) {
                tasks.run(() -> totals.add(check(handler, rows)));
            }
        }

        private static Output check(RowHandler handler, List<SourceRow> rows) {
            Output out = new Output();
            for (SourceRow row : rows) {
                out.sheet = row.sheet();
                handler.handle(row, out);
            }
            return out;
        }

        void awaitAll() throws InterruptedException {
            tasks.awaitAll();
        }
    }

    private RowHandler longRows(String submissionId, String filePath, List<String> header) {
        Map<String, Integer> c = LayoutDetector.columnIndex(header);
        int unit = c.get("unit_code");
        int period = c.get("period");
        int indicator = c.get("indicator");
        int value = c.get("value");
        int category = c.getOrDefault("category", -1);
        int comment = c.getOrDefault("comment", -1);
        int width = header.size();
        return (row, out) -> {
            if (row.problem() == null && row.isBlank()) {
                return;
            }
            out.read++;
            if (row.problem() != null) {
                out.reject(problem(submissionId, filePath, row));
                return;
            }
            String misaligned = tooManyFields(row, width);
            if (misaligned != null) {
                out.reject(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), ReasonCode.MALFORMED_ROW,
                        misaligned, trim(row.field(unit)), trim(row.field(period)), trim(row.field(indicator)),
                        trim(row.field(category)), trim(row.field(value)), trim(row.field(comment))));
                return;
            }
            try {
                datePeriod(row, period);
                Indicator ind = normaliser.indicator(row.field(indicator));
                Indicator.Category cat = ValueNormaliser.category(ind, row.field(category));
                out.accept(normaliser.normalise(submissionId, row.lineNumber(), row.field(unit), row.field(period),
                        ind, cat, row.field(value), row.field(comment)));
            } catch (RowRejectedException e) {
                out.reject(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), e.reason(), e.detail(),
                        trim(row.field(unit)), trim(row.field(period)), trim(row.field(indicator)), trim(row.field(category)),
                        trim(row.field(value)), trim(row.field(comment))));
            }
        };
    }

    private RowHandler formRows(String submissionId, String filePath, List<String> header) {
        ReportFormColumns form = forms.bind(header);
        List<ReportFormColumns.Column> columns = form.columns();
        return (row, out) -> {
            if (row.problem() != null) {
                out.read++;
                out.reject(problem(submissionId, filePath, row));
                return;
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
                out.read++;
                if (column == null) {
                    out.reject(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), ReasonCode.UNKNOWN_INDICATOR,
                            "cell " + (i + 1) + " has no column header", trim(unit), trim(period), null, null, trim(cell), trim(comment)));
                } else if (column instanceof ReportFormColumns.Unmatched u) {
                    out.reject(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), u.reason(), u.detail(),
                            trim(unit), trim(period), u.header(), null, trim(cell), trim(comment)));
                } else if (column instanceof ReportFormColumns.Value v) {
                    try {
                        datePeriod(row, 1);
                        out.accept(normaliser.normalise(submissionId, row.lineNumber(), unit, period, v.indicator(),
                                v.category(), cell, comment));
                    } catch (RowRejectedException e) {
                        out.reject(new Rejection(submissionId, filePath, row.lineNumber(), row.raw(), e.reason(),
                                "column '" + v.header() + "': " + e.detail(), trim(unit), trim(period), v.indicator().code(),
                                v.category().code(), trim(cell), trim(comment)));
                    }
                }
            }
        };
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

    /** A period typed into Excel as a date: Excel keeps a day number, never the month or year meant. */
    private static void datePeriod(SourceRow row, int period) {
        if (row.isDate(period)) {
            throw new RowRejectedException(ReasonCode.BAD_PERIOD, "the period is a date cell (" + row.field(period)
                    + ") in Excel: write the period as text, e.g. 2024-05");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
