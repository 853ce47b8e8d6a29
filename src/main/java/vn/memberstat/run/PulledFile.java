package vn.memberstat.run;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import vn.memberstat.common.ReasonCode;

/**
 * A submission taken from the inbox: where it was, its size, modified time and SHA-256, and how
 * its bytes decode. {@code refusal} is set when the whole file is refused before any row is read;
 * {@code headerLine}, when the pull step could take it, is the decoded first line.
 * A run may hold 600,000 of these (a year's inbox), so the inbox directory is one shared object and
 * the file's path and submission id are worked out when asked for. {@code readFrom} is set only where
 * the file read is not the inbox's path (a link inside the inbox: its target as checked when pulled).
 */
public record PulledFile(
        Path inbox,
        String relativePath,
        Path readFrom,
        long sizeBytes,
        Instant modifiedAt,
        String sha256,
        String charset,
        int bomBytes,
        ReasonCode refusal,
        String refusalDetail,
        String headerLine) {

    public PulledFile {
        requireNonNull(inbox, "inbox is null");
        requireNonNull(relativePath, "relativePath is null");
        requireNonNull(modifiedAt, "modifiedAt is null");
        requireNonNull(sha256, "sha256 is null");
    }

    /** Submissions are identified by the first 16 hex digits of their SHA-256. */
    public static String submissionIdOf(String sha256) {
        return sha256.substring(0, 16);
    }

    public String submissionId() {
        return submissionIdOf(sha256);
    }

    /** A file read where it lies in the inbox, or from {@code path} when that is elsewhere. */
    public static Path readFrom(Path inbox, String relativePath, Path path) {
        return path.toString().equals(inbox.toString() + "/" + relativePath) ? null : path;
    }

    /** The file to read (for a refused link, the link itself). */
    public Path path() {
        return readFrom != null ? readFrom : inbox.resolve(relativePath);
    }

    public boolean refused() {
        return refusal != null;
    }
}
