package vn.memberstat.normalise;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.HeaderNumbers;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.run.PulledFile;
import vn.memberstat.run.Rejection;

/**
 * Each file's outcome, written to {@code submissions.csv} as it is known (nothing is kept per file: a backlog
 * of years is millions of files), and the counts the step reports.
 */
final class SubmissionOutcomes {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private final CsvTable.Writer submissions;
    private final Consumer<Rejection> rejections;
    private final ZoneId zone;
    private final String pulledAt;
    /** A report form's recorded header is 2,000 characters: written once, in submissions-headers.csv. */
    private final HeaderNumbers headers = new HeaderNumbers();
    private final LongAdder rowsRead = new LongAdder();
    private final LongAdder rowsAccepted = new LongAdder();
    private final LongAdder recorded = new LongAdder();
    /** Files left for a later run: they changed or vanished after the pull. */
    private final LongAdder left = new LongAdder();

    /** Outcomes written to {@code submissions}, the files refused whole to {@code rejections}; taken now, in {@code zone}. */
    SubmissionOutcomes(CsvTable.Writer submissions, Consumer<Rejection> rejections, ZoneId zone) {
        this.submissions = submissions;
        this.rejections = rejections;
        this.zone = zone;
        this.pulledAt = LocalDateTime.now(zone).format(TIMESTAMP);
    }

    void record(PulledFile f, FileOutcome o, List<String> header) {
        record(f, o, header, null);
    }

    /** {@code cover}: of a refused file, the units and periods it appears to cover ({@link RefusalCover}), or null. */
    private void record(PulledFile f, FileOutcome o, List<String> header, String cover) {
        List<String> h = header == null ? Arrays.asList(null, null) : header;
        String modifiedAt = LocalDateTime.ofInstant(f.modifiedAt(), zone).format(TIMESTAMP);
        synchronized (submissions) {
            Integer headerId = headers.idOf(h.get(0));
            submissions.row(Arrays.asList(f.submissionId(), f.sha256(), f.relativePath(), f.sizeBytes(), modifiedAt, pulledAt,
                    o.layout(), o.refusal() == null ? null : o.refusal().name(), o.refusalDetail(),
                    o.rowsRead(), o.rowsAccepted(), o.rowsQuarantined(), o.rowsDuplicate(),
                    headerId == null ? h.get(0) : null, h.get(1), cover, headerId));
        }
        rowsRead.add(o.rowsRead());
        rowsAccepted.add(o.rowsAccepted());
        recorded.increment();
    }

    /** A file refused whole: its outcome, and the quarantine's row for the file that says why. */
    void refuse(PulledFile f, String layout, ReasonCode reason, String detail, List<String> header) {
        refuse(f, layout, reason, detail, header, null);
    }

    /** A file refused whole, with the units and periods it appears to cover when they are known. */
    void refuse(PulledFile f, String layout, ReasonCode reason, String detail, List<String> header, String cover) {
        record(f, FileOutcome.refused(f.submissionId(), layout, reason, detail), header, cover);
        rejections.accept(Rejection.file(f.submissionId(), f.relativePath(), reason, detail));
    }

    /** A file left for a later run: it changed or vanished after the pull. */
    void leave() {
        left.increment();
    }

    /** Every file of the manifest has an outcome or was left for a later run: none is lost between the steps. */
    void checkEveryFile(long manifestFiles) {
        if (recorded.sum() + left.sum() != manifestFiles) {
            throw new IllegalStateException("normalise accounted for " + recorded.sum() + " files taken and " + left.sum()
                    + " left for a later run, but the pull took " + manifestFiles);
        }
    }

    /** The numbered header lines, into the companion file of {@code list}. */
    void writeHeadersFor(Path list) {
        headers.writeFor(list);
    }

    long rowsRead() {
        return rowsRead.sum();
    }

    long rowsAccepted() {
        return rowsAccepted.sum();
    }
}
