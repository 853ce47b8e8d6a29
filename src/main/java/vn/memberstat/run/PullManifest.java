package vn.memberstat.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.HeaderNumbers;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.StringPool;

/**
 * The list of files one run pulled, kept in the run directory so a restarted run reads the same files.
 * Written and read a file at a time: a backlog of years lists millions of files, more than the heap holds.
 * A header line that recurs (a report form's, 2,000 characters) is written once, to a companion file, and
 * referred to by number, and a file's path only where it is not the inbox's: a national month's manifest is
 * 12.7 MB instead of about 42, and normalise reads it twice.
 */
public final class PullManifest {
    private static final List<String> HEADER = List.of("submission_id", "relative_path", "path", "size_bytes", "modified_at",
            "sha256", "charset", "bom_bytes", "refusal", "refusal_detail", "header_line", "inbox", "header_id");

    private PullManifest() {}

    public static Writer writer(Path file) {
        return new Writer(file, CsvTable.writer(file, HEADER));
    }

    /** Files added one at a time; the manifest exists only once committed. */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final CsvTable.Writer table;
        private final HeaderNumbers headers = new HeaderNumbers();

        private Writer(Path file, CsvTable.Writer table) {
            this.file = file;
            this.table = table;
        }

        /** Not thread-safe. */
        public void add(PulledFile f) {
            Integer headerId = headers.idOf(f.headerLine());
            // the path only where it is not the inbox's and the relative path (a link's target)
            table.row(Arrays.asList(f.submissionId(), f.relativePath(), f.readFrom() == null ? "" : f.readFrom().toString(),
                    f.sizeBytes(),
                    f.modifiedAt().toString(), f.sha256(), f.charset(), f.bomBytes(),
                    f.refusal() == null ? "" : f.refusal().name(), f.refusalDetail() == null ? "" : f.refusalDetail(),
                    headerId == null ? f.headerLine() : "", f.inbox().toString(), headerId));
        }

        /** The header lines first, so a manifest in place always has them. */
        public void commit() {
            headers.writeFor(file);
            table.commit();
        }

        @Override
        public void close() {
            table.close();
        }
    }

    /** Each pulled file in the order written; header lines and charsets shared among the files that have them. */
    public static void forEach(Path file, Consumer<PulledFile> each) {
        StringPool texts = new StringPool(HeaderNumbers.MAX);   // header lines and charsets recur across thousands of files
        List<String> headers = HeaderNumbers.readFor(file, texts);
        Map<String, Path> inboxes = new HashMap<>();   // one per run, unless a restart was given another inbox
        CsvTable.forEach(file, r -> {
            String refusal = r.get("refusal");
            String path = r.get("path");
            String relative = r.get("relative_path");
            // the path is the inbox and the relative path (left empty), unless the file read lies elsewhere (a link's
            // target); a manifest written before the inbox column: the inbox is what the path has before the relative path
            String inboxText = r.get("inbox");
            if (path.isEmpty()) {
                path = inboxText + "/" + relative;
            } else if (inboxText == null) {
                inboxText = path.endsWith("/" + relative) ? path.substring(0, path.length() - relative.length() - 1) : path;
            }
            Path inbox = inboxes.computeIfAbsent(inboxText, Path::of);
            each.accept(new PulledFile(inbox, relative, PulledFile.readFrom(inbox, relative, Path.of(path)),
                    Long.parseLong(r.get("size_bytes")), Instant.parse(r.get("modified_at")), r.get("sha256"),
                    r.get("charset").isEmpty() ? null : texts.of(r.get("charset")),
                    Integer.parseInt(r.get("bom_bytes")), refusal.isEmpty() ? null : ReasonCode.valueOf(refusal),
                    r.get("refusal_detail").isEmpty() ? null : r.get("refusal_detail"),
                    headerLine(r, headers, texts)));
        });
    }

    private static String headerLine(Map<String, String> row, List<String> headers, StringPool texts) {
        String id = row.get("header_id");
        if (id != null && !id.isEmpty()) {
            return headers.get(Integer.parseInt(id));
        }
        return row.get("header_line").isEmpty() ? null : texts.of(row.get("header_line"));
    }
}
