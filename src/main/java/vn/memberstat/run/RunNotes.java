package vn.memberstat.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.memberstat.common.PendingFile;

/**
 * Things a run noticed that are not rows (files left for later, links refused, files that vanished), one per
 * line of the run's {@code notes.txt}. They are written as they come, never held: a run can note a line for
 * each of hundreds of thousands of files. Each step writes the file anew under a temporary name, after the
 * notes of the steps before it, and renames it when it ends.
 */
public final class RunNotes implements Consumer<String>, AutoCloseable {
    private final PendingFile file;

    private RunNotes(PendingFile file) {
        this.file = file;
    }

    /** A new list of notes; {@code keepEarlier} copies those already in {@code file} first. */
    public static RunNotes open(Path file, boolean keepEarlier) {
        RunNotes notes = new RunNotes(new PendingFile(file));
        if (keepEarlier && Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    notes.accept(line);
                }
            } catch (IOException e) {
                notes.close();
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return notes;
    }

    /** Adds a note; safe to call from many threads. */
    @Override
    public synchronized void accept(String note) {
        try {
            file.out().write(note);
            file.out().newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.file(), e);
        }
    }

    public synchronized void commit() {
        file.commit();
    }

    @Override
    public synchronized void close() {
        file.close();
    }

    /** The first notes of a run, and how many it has. */
    public record Shown(List<String> first, long total) {}

    /** Reads the first {@code n} notes of {@code file} and counts the rest, holding no more than those. */
    public static Shown first(Path file, int n) {
        List<String> first = new ArrayList<>();
        long total = 0;
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (total++ < n) {
                        first.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new Shown(first, total);
    }
}
