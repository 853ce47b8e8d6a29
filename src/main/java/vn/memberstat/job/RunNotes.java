package vn.memberstat.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Things a run noticed that are not rows: files left for later, links refused, files that vanished. */
public final class RunNotes {
    private RunNotes() {}

    public static void write(Path file, List<String> notes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, notes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static List<String> read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
