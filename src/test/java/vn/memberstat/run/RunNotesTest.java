package vn.memberstat.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's notes are written as they come and appear only when the step that wrote them ends: the next step
 * keeps the earlier ones, a failed step leaves the file as it was, and the summary reads the first few and
 * counts the rest.
 */
final class RunNotesTest {
    @TempDir
    Path temp;

    @Test
    void eachStepAddsToTheNotesBeforeIt() throws Exception {
        Path file = temp.resolve("runs/2025-01-10/notes.txt");
        try (RunNotes pull = RunNotes.open(file, false)) {
            pull.accept("skipped b.csv: same content as a.csv, taken once");
            assertThat(file).as("not before the step ends").doesNotExist();
            pull.commit();
        }
        try (RunNotes normalise = RunNotes.open(file, true)) {
            normalise.accept("left c.csv for a later run: it changed after it was pulled");
            normalise.commit();
        }
        assertThat(Files.readAllLines(file)).containsExactly("skipped b.csv: same content as a.csv, taken once",
                "left c.csv for a later run: it changed after it was pulled");

        try (RunNotes failed = RunNotes.open(file, true)) {
            failed.accept("left d.csv for a later run: it vanished after it was pulled");
        }   // closed without a commit: the step failed
        assertThat(Files.readAllLines(file)).hasSize(2);
        assertThat(file.resolveSibling("notes.txt.tmp")).doesNotExist();

        try (RunNotes rerun = RunNotes.open(file, false)) {   // a pull run again starts afresh
            rerun.commit();
        }
        assertThat(Files.readAllLines(file)).isEmpty();
    }

    @Test
    void notesFromManyThreadsAreWholeLinesAndTheSummaryCountsThemAll() throws Exception {
        Path file = temp.resolve("notes.txt");
        try (RunNotes notes = RunNotes.open(file, false)) {
            IntStream.range(0, 200_000).parallel().forEach(i -> notes.accept("left f" + i + ".csv for the next run"));
            notes.commit();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(200_000).allMatch(l -> l.matches("left f\\d+\\.csv for the next run")).doesNotHaveDuplicates();

        RunNotes.Shown shown = RunNotes.first(file, 20);
        assertThat(shown.total()).isEqualTo(200_000);
        assertThat(shown.first()).containsExactlyElementsOf(lines.subList(0, 20));
        assertThat(RunNotes.first(temp.resolve("none.txt"), 20)).isEqualTo(new RunNotes.Shown(List.of(), 0));
    }
}
