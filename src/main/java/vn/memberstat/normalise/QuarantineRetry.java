package vn.memberstat.normalise;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.memberstat.catalogue.Indicator;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.duckdb.ScratchCsv;
import vn.memberstat.run.NormalisedValue;
import vn.memberstat.common.RowRejectedException;

/**
 * Quarantined rows whose cause a later run may clear (a unit added to the registry, a period no longer in
 * the future, a registry row's parent arriving), read back for another try. Nobody re-sends anything.
 */
public final class QuarantineRetry {
    /**
     * One unresolved, retryable quarantined row; a registry row with its submission's header to read it again,
     * a value with its parsed fields only (file, raw line, layout, header and delimiter null), and its workbook's sheet.
     */
    public record Row(long key, String submissionId, String filePath, Long lineNumber, String rawLine, String layout,
            String headerLine, String delimiter, String unitCode, String period, String indicator, String category,
            String valueText, String comment, ReasonCode reason, String sheet) {}

    /** A retried row that fails again, for another reason than it was quarantined for (the registry came, the unit had ended). */
    public record NewReason(long key, ReasonCode reason, String detail) {}

    private QuarantineRetry() {}

    /** Unresolved rows of a file's line whose cause a later run may clear. */
    private static final String PENDING = "not q.is_resolved and q.line_number is not null and q.reason_code in ("
            + Arrays.stream(ReasonCode.values()).filter(ReasonCode::retryable).map(r -> "'" + r.name() + "'")
                    .collect(Collectors.joining(", ")) + ")";

    /** The unresolved registry rows to retry, with their file's header: a registry's worth at most. */
    public static List<Row> pendingRegistry(Connection c) {
        List<Row> rows = new ArrayList<>();
        String sql = """
                select q.quarantine_key, q.submission_id, q.file_path, q.line_number, q.raw_line, s.layout, s.header_line,
                       s.delimiter, q.unit_code, q.period, q.indicator, q.category, q.value_text, q.comment, q.reason_code
                from quarantine_row q
                join dim_submission s using (submission_id)
                where %s and (s.layout = 'registry' or q.reason_code = 'BAD_REGISTRY_ROW')
                order by s.modified_at, s.file_path, q.line_number, q.quarantine_key""".formatted(PENDING);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13), rs.getString(14), ReasonCode.valueOf(rs.getString(15)), null));
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read quarantine for retry: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Hands each unresolved value row to retry to {@code each}, in the order quarantined, and returns how many
     * there were, streamed through {@code scratch} ({@link ScratchCsv}). A value is read again from its parsed
     * fields, so only those come back (no raw line, file or header).
     */
    public static long forEachPendingValue(Connection c, Path scratch, Consumer<Row> each) {
        try {
            return ScratchCsv.forEach(c, """
                    select q.quarantine_key, q.submission_id, q.line_number, q.unit_code, q.period, q.indicator,
                           q.category, q.value_text, q.comment, q.reason_code, q.sheet
                    from quarantine_row q
                    join dim_submission s using (submission_id)
                    where %s and s.layout is distinct from 'registry' and q.reason_code <> 'BAD_REGISTRY_ROW'
                    order by q.quarantine_key""".formatted(PENDING), scratch, r ->
                    each.accept(new Row(Long.parseLong(r.get(0)), r.get(1), null, Long.parseLong(r.get(2)), null, null, null,
                            null, r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8), ReasonCode.valueOf(r.get(9)),
                            r.get(10) == null || r.get(10).isEmpty() ? null : r.get(10))));
        } catch (SQLException | IOException e) {   // what each row's consumer throws goes on as it was
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read quarantine for retry: " + e.getMessage(), e);
        }
    }

    /** A quarantined registry row as a candidate again: its raw line read with its file's header. */
    public static RegistryNormaliser.Candidate registryCandidate(Row row) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(row.delimiter() == null ? "," : row.delimiter()).get();
        List<String> header = parse(format, row.headerLine());
        List<String> fields = parse(format, row.rawLine());
        return new RegistryNormaliser.Candidate(row.submissionId(), row.filePath(), row.lineNumber(), row::rawLine, fields,
                LayoutDetector.columnIndex(header), row.key(), row.sheet());
    }

    /**
     * The value again, or null while it is rejected; a rejection for another reason than before goes to
     * {@code newReasons}, so the quarantine says what keeps the row out now.
     */
    public static NormalisedValue value(Row row, ValueNormaliser normaliser, Consumer<NewReason> newReasons) {
        try {
            Indicator indicator = normaliser.indicator(row.indicator());
            Indicator.Category category = ValueNormaliser.category(indicator, row.category());
            return normaliser.normalise(row.submissionId(), row.lineNumber(), row.unitCode(), row.period(), indicator, category,
                    row.valueText(), row.comment()).fromQuarantine(row.key()).inSheet(row.sheet());
        } catch (RowRejectedException e) {
            if (e.reason() != row.reason()) {
                newReasons.accept(new NewReason(row.key(), e.reason(), e.detail()));
            }
            return null;
        }
    }

    private static List<String> parse(CSVFormat format, String line) {
        if (line == null) {
            return List.of();
        }
        try {
            List<CSVRecord> records = format.parse(new StringReader(line)).getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            return List.of();
        }
    }
}
