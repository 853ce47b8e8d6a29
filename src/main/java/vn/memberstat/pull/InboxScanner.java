package vn.memberstat.pull;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * Lists the submissions under the inbox ({@code *.csv}, {@code *.xlsx}, and the spreadsheets refused with a reason:
 * see {@link InboxFileKind}), at any depth, on several threads, handing each to a consumer
 * as it is found (the inbox keeps every file ever sent: millions after some years). Symbolic links to files
 * are followed only where they stay inside the inbox, and the file read is the one checked; links to
 * directories are not followed. A file modified too recently may still be being written and is left
 * for the next run. Everything left alone gets a note saying why, every other file included.
 */
public final class InboxScanner {
    /** A file to take; {@code outsideTarget} is set for a link out of the inbox, which is refused unread. */
    public record Found(Path path, String relativePath, long sizeBytes, Instant modifiedAt, Path outsideTarget) {}

    /** The inbox as a real path, which every found path is under. */
    public static Path root(Path inbox) {
        if (!Files.isDirectory(inbox)) {
            throw new MemberstatException(ErrorCode.INBOX_UNREADABLE, "inbox " + inbox.toAbsolutePath() + " is not a directory");
        }
        try {
            return inbox.toRealPath();
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.INBOX_UNREADABLE, "cannot resolve inbox " + inbox + ": " + e.getMessage(), e);
        }
    }

    /** Where the notes on what was left alone go, from several threads at once, in no particular order. */
    public interface Notes {
        /** A note about the file or directory at {@code relativePath}. */
        void note(String relativePath, String text);
    }

    /**
     * Hands every file to take under {@code root} (see {@link #root}) to {@code files}, and a note on each file
     * left alone to {@code notes}, from several threads at once.
     */
    public void scan(Path root, Instant now, long settleSeconds, Consumer<Found> files, Notes notes) {
        Instant settledBefore = now.minusSeconds(settleSeconds);
        Walk walk = new Walk(root, settledBefore, settleSeconds, files, notes);
        ForkJoinPool pool = new ForkJoinPool(THREADS);
        try {
            pool.invoke(new DirectoryTask(walk, root));
        } finally {
            // after a failure, the directories not yet listed are dropped rather than listed on behind the failed step
            pool.shutdownNow();
        }
    }

    /**
     * Threads listing the inbox. Listing is a disk round trip per file whose metadata is not in memory (a
     * national month's 52,000 files took 0.7-1.2 s on one thread, 0.3-0.5 s on 8); several are in flight at once.
     */
    private static final int THREADS = 8;

    /** Lists one directory, and each of its subdirectories as a task of its own. */
    private static final class DirectoryTask extends RecursiveAction {
        private final Walk walk;
        private final Path dir;

        DirectoryTask(Walk walk, Path dir) {
            this.walk = walk;
            this.dir = dir;
        }

        @Override
        protected void compute() {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(entries::add);
            } catch (IOException | DirectoryIteratorException e) {
                if (dir.equals(walk.root())) {
                    throw new MemberstatException(ErrorCode.INBOX_UNREADABLE, "cannot list inbox " + dir + ": " + message(e), e);
                }
                walk.note(dir, "skipped " + walk.relative(dir) + ": " + message(e));
                return;
            }
            List<DirectoryTask> subdirectories = new ArrayList<>();
            entries.parallelStream().forEach(entry -> {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    walk.note(entry, "skipped " + walk.relative(entry) + ": " + e.getMessage());
                    return;
                }
                if (attrs.isDirectory()) {
                    synchronized (subdirectories) {
                        subdirectories.add(new DirectoryTask(walk, entry));
                    }
                } else {
                    walk.visitFile(entry, attrs);
                }
            });
            invokeAll(subdirectories);
        }

        private static String message(Exception e) {
            return e instanceof DirectoryIteratorException d ? d.getCause().getMessage() : e.getMessage();
        }
    }

    /** What a file found in the inbox becomes: a file to take, or a note. */
    private record Walk(Path root, Instant settledBefore, long settleSeconds, Consumer<Found> files, Notes notes) {

        String relative(Path file) {
            return root.relativize(file).toString().replace('\\', '/');
        }

        void note(Path file, String text) {
            notes.note(relative(file), text);
        }

        void visitFile(Path file, BasicFileAttributes attrs) {
            String relative = relative(file);
            InboxFileKind kind = InboxFileKind.of(file.getFileName().toString());
            if (!kind.taken()) {
                if (attrs.isSymbolicLink() && Files.isDirectory(file)) {
                    noteDirectoryLink(file, relative);
                } else if (kind.advice() != null) {
                    note(file, kind.advice().formatted(relative));
                }
                return;
            }
            try {
                BasicFileAttributes target = attrs;
                Path read = file;
                if (attrs.isSymbolicLink()) {
                    Path real;
                    try {
                        real = file.toRealPath();
                    } catch (NoSuchFileException e) {
                        note(file, "skipped " + relative + ": symbolic link to a file that does not exist");
                        return;
                    }
                    if (!real.startsWith(root)) {
                        note(file, "refused " + relative + ": symbolic link to " + real + " outside the inbox; not read");
                        files.accept(new Found(file, relative, 0, attrs.lastModifiedTime().toInstant(), real));
                        return;
                    }
                    target = Files.readAttributes(real, BasicFileAttributes.class);
                    // read the file that was checked, not whatever the link points to later
                    read = real;
                }
                if (!target.isRegularFile()) {
                    if (target.isDirectory()) {
                        noteDirectoryLink(file, relative);
                    }
                    return;
                }
                Instant modified = target.lastModifiedTime().toInstant();
                if (modified.isAfter(settledBefore)) {
                    note(file, "left " + relative + " for the next run: modified " + modified
                            + ", less than " + settleSeconds + " s ago (memberstat.settle-seconds)");
                    return;
                }
                files.accept(new Found(read, relative, target.size(), modified, null));
            } catch (NoSuchFileException e) {
                note(file, "skipped " + relative + ": it vanished while the inbox was listed");
            } catch (IOException e) {
                note(file, "skipped " + relative + ": " + e.getMessage());
            }
        }

        /** Links to directories are not followed: the files of one inside the inbox are read where they are. */
        private void noteDirectoryLink(Path link, String relative) {
            try {
                Path real = link.toRealPath();
                note(link, real.startsWith(root)
                        ? "skipped " + relative + ": symbolic link to the directory " + real
                                + " inside the inbox, whose files are read where they are"
                        : "refused " + relative + ": symbolic link to the directory " + real + " outside the inbox; not read");
            } catch (IOException e) {
                note(link, "skipped " + relative + ": symbolic link to a directory that cannot be resolved: " + e.getMessage());
            }
        }
    }

}
