package vn.memberstat.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A text file of the run directory written under a temporary name beside its own: {@link #commit()} renames it
 * into place, and {@link #close()} without a commit deletes it, so a step that fails half-way leaves no
 * partial file (a killed one leaves the {@code .tmp}, replaced when the step runs again).
 */
public final class PendingFile implements AutoCloseable {
    private final Path file;
    private final Path temp;
    private final BufferedWriter out;
    private boolean closed;

    public PendingFile(Path file) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Where the text goes; not thread-safe. */
    public BufferedWriter out() {
        return out;
    }

    public void commit() {
        try {
            closed = true;
            out.close();
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the failure that ended the writing is the one reported
        }
    }
}
