package vn.memberstat.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * Lists the {@code *.csv} files under the inbox, at any depth, in path order. Symbolic links are
 * followed only where they stay inside the inbox; a file modified too recently may still be being
 * written and is left for the next run.
 */
public final class InboxScanner {
    /** A file to take; {@code outsideTarget} is set for a link out of the inbox, which is refused unread. */
    public record Found(Path path, String relativePath, long sizeBytes, Instant modifiedAt, Path outsideTarget) {}

    public record Scan(List<Found> files, List<String> notes) {}

    public Scan scan(Path inbox, Instant now, long settleSeconds) {
        if (!Files.isDirectory(inbox)) {
            throw new MemberstatException(ErrorCode.INBOX_UNREADABLE, "inbox " + inbox.toAbsolutePath() + " is not a directory");
        }
        Path root;
        try {
            root = inbox.toRealPath();
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.INBOX_UNREADABLE, "cannot resolve inbox " + inbox + ": " + e.getMessage(), e);
        }
        List<Found> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant settledBefore = now.minusSeconds(settleSeconds);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    try {
                        BasicFileAttributes target = attrs;
                        if (attrs.isSymbolicLink()) {
                            Path real = file.toRealPath();
                            if (!real.startsWith(root)) {
                                notes.add("refused " + relative + ": symbolic link to " + real + " outside the inbox; not read");
                                files.add(new Found(file, relative, 0, attrs.lastModifiedTime().toInstant(), real));
                                return FileVisitResult.CONTINUE;
                            }
                            target = Files.readAttributes(real, BasicFileAttributes.class);
                        }
                        if (!target.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        Instant modified = target.lastModifiedTime().toInstant();
                        if (modified.isAfter(settledBefore)) {
                            notes.add("left " + relative + " for the next run: modified " + modified
                                    + ", less than " + settleSeconds + " s ago (memberstat.settle-seconds)");
                            return FileVisitResult.CONTINUE;
                        }
                        files.add(new Found(file, relative, target.size(), modified, null));
                    } catch (NoSuchFileException e) {
                        notes.add("skipped " + relative + ": it vanished while the inbox was listed");
                    } catch (IOException e) {
                        notes.add("skipped " + relative + ": " + e.getMessage());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    notes.add("skipped " + root.relativize(file) + ": " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list inbox " + root, e);
        }
        files.sort(Comparator.comparing(Found::relativePath));
        return new Scan(List.copyOf(files), List.copyOf(notes));
    }

}
