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
 * Lists the {@code *.csv} files under the inbox, at any depth, in path order. Symbolic links to files
 * are followed only where they stay inside the inbox, and the file read is the one checked; links to
 * directories are not followed. A file modified too recently may still be being written and is left
 * for the next run. Everything left alone gets a note saying why.
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
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
                            noteDirectoryLink(file, relative);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                    try {
                        BasicFileAttributes target = attrs;
                        Path read = file;
                        if (attrs.isSymbolicLink()) {
                            Path real;
                            try {
                                real = file.toRealPath();
                            } catch (NoSuchFileException e) {
                                notes.add("skipped " + relative + ": symbolic link to a file that does not exist");
                                return FileVisitResult.CONTINUE;
                            }
                            if (!real.startsWith(root)) {
                                notes.add("refused " + relative + ": symbolic link to " + real + " outside the inbox; not read");
                                files.add(new Found(file, relative, 0, attrs.lastModifiedTime().toInstant(), real));
                                return FileVisitResult.CONTINUE;
                            }
                            target = Files.readAttributes(real, BasicFileAttributes.class);
                            // read the file that was checked, not whatever the link points to later
                            read = real;
                        }
                        if (!target.isRegularFile()) {
                            if (target.isDirectory()) {
                                noteDirectoryLink(file, relative);
                            }
                            return FileVisitResult.CONTINUE;
                        }
                        Instant modified = target.lastModifiedTime().toInstant();
                        if (modified.isAfter(settledBefore)) {
                            notes.add("left " + relative + " for the next run: modified " + modified
                                    + ", less than " + settleSeconds + " s ago (memberstat.settle-seconds)");
                            return FileVisitResult.CONTINUE;
                        }
                        files.add(new Found(read, relative, target.size(), modified, null));
                    } catch (NoSuchFileException e) {
                        notes.add("skipped " + relative + ": it vanished while the inbox was listed");
                    } catch (IOException e) {
                        notes.add("skipped " + relative + ": " + e.getMessage());
                    }
                    return FileVisitResult.CONTINUE;
                }

                /** Links to directories are not followed: the files of one inside the inbox are read where they are. */
                private void noteDirectoryLink(Path link, String relative) {
                    try {
                        Path real = link.toRealPath();
                        notes.add(real.startsWith(root)
                                ? "skipped " + relative + ": symbolic link to the directory " + real
                                        + " inside the inbox, whose files are read where they are"
                                : "refused " + relative + ": symbolic link to the directory " + real + " outside the inbox; not read");
                    } catch (IOException e) {
                        notes.add("skipped " + relative + ": symbolic link to a directory that cannot be resolved: " + e.getMessage());
                    }
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
