package vn.memberstat.pull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.common.StringPool;

/** The list of files one run pulled, kept in the run directory so a restarted run reads the same files. */
public final class PullManifest {
    private static final List<String> HEADER = List.of("submission_id", "relative_path", "path", "size_bytes", "modified_at",
            "sha256", "charset", "bom_bytes", "refusal", "refusal_detail", "header_line", "inbox");

    private PullManifest() {}

    public static void write(Path file, List<PulledFile> files) {
        Iterable<List<?>> rows = () -> files.stream().<List<?>>map(f -> Arrays.asList(f.submissionId(), f.relativePath(),
                f.path().toString(), f.sizeBytes(), f.modifiedAt().toString(), f.sha256(), f.charset(), f.bomBytes(),
                f.refusal() == null ? "" : f.refusal().name(), f.refusalDetail() == null ? "" : f.refusalDetail(),
                f.headerLine(), f.inbox().toString())).iterator();
        CsvTable.write(file, HEADER, rows);
    }

    public static List<PulledFile> read(Path file) {
        List<PulledFile> files = new ArrayList<>();
        StringPool texts = new StringPool(10_000);   // header lines and charsets recur across thousands of files
        Map<String, Path> inboxes = new HashMap<>();   // one per run, unless a restart was given another inbox
        CsvTable.forEach(file, r -> {
            String refusal = r.get("refusal");
            String path = r.get("path");
            String relative = r.get("relative_path");
            // the path is the inbox and the relative path, unless the file read lies elsewhere (a link's target);
            // a manifest written before the inbox column: the inbox is what the path has before the relative path
            String inboxText = r.get("inbox");
            if (inboxText == null) {
                inboxText = path.endsWith("/" + relative) ? path.substring(0, path.length() - relative.length() - 1) : path;
            }
            Path inbox = inboxes.computeIfAbsent(inboxText, Path::of);
            files.add(new PulledFile(inbox, relative, PulledFile.readFrom(inbox, relative, Path.of(path)),
                    Long.parseLong(r.get("size_bytes")), Instant.parse(r.get("modified_at")), r.get("sha256"),
                    r.get("charset").isEmpty() ? null : texts.of(r.get("charset")),
                    Integer.parseInt(r.get("bom_bytes")), refusal.isEmpty() ? null : ReasonCode.valueOf(refusal),
                    r.get("refusal_detail").isEmpty() ? null : r.get("refusal_detail"),
                    r.get("header_line").isEmpty() ? null : texts.of(r.get("header_line"))));
        });
        return files;
    }
}
