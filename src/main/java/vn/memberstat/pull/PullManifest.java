package vn.memberstat.pull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.memberstat.common.CsvTable;
import vn.memberstat.common.ReasonCode;

/** The list of files one run pulled, kept in the run directory so a restarted run reads the same files. */
public final class PullManifest {
    private static final List<String> HEADER = List.of("submission_id", "relative_path", "path", "size_bytes", "modified_at",
            "sha256", "charset", "bom_bytes", "refusal", "refusal_detail", "header_line");

    private PullManifest() {}

    public static void write(Path file, List<PulledFile> files) {
        List<List<?>> rows = new ArrayList<>();
        for (PulledFile f : files) {
            rows.add(java.util.Arrays.asList(f.submissionId(), f.relativePath(), f.path().toString(), f.sizeBytes(),
                    f.modifiedAt().toString(), f.sha256(), f.charset(), f.bomBytes(),
                    f.refusal() == null ? "" : f.refusal().name(), f.refusalDetail() == null ? "" : f.refusalDetail(),
                    f.headerLine()));
        }
        CsvTable.write(file, HEADER, rows);
    }

    public static List<PulledFile> read(Path file) {
        List<PulledFile> files = new ArrayList<>();
        for (Map<String, String> r : CsvTable.read(file)) {
            String refusal = r.get("refusal");
            files.add(new PulledFile(r.get("submission_id"), Path.of(r.get("path")), r.get("relative_path"),
                    Long.parseLong(r.get("size_bytes")), Instant.parse(r.get("modified_at")), r.get("sha256"),
                    r.get("charset").isEmpty() ? null : r.get("charset"), Integer.parseInt(r.get("bom_bytes")),
                    refusal.isEmpty() ? null : ReasonCode.valueOf(refusal),
                    r.get("refusal_detail").isEmpty() ? null : r.get("refusal_detail"),
                    r.get("header_line").isEmpty() ? null : r.get("header_line")));
        }
        return files;
    }
}
