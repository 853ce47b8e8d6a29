package vn.memberstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.common.FileProblem;
import vn.memberstat.support.Memberstat;

/** A home that cannot be created is reported with the cause in words, not the path a second time. */
final class HomeProblemTest {
    @TempDir
    Path temp;

    @Test
    void javaNioExceptionsAreNamedByTheirCause() {
        String path = "/srv/memberstat";

        assertThat(FileProblem.reason(new NoSuchFileException(path))).isEqualTo("no such file or directory");
        assertThat(FileProblem.reason(new AccessDeniedException(path))).isEqualTo("permission denied");
        assertThat(FileProblem.reason(new NotDirectoryException(path))).isEqualTo("not a directory");
        assertThat(FileProblem.reason(new FileAlreadyExistsException(path))).isEqualTo("a file of that name is in the way");
        assertThat(FileProblem.reason(new FileSystemException(path, null, "Read-only file system"))).isEqualTo("read-only file system");
        assertThat(FileProblem.reason(new FileSystemException(path))).isEqualTo(path);
    }

    @Test
    void aHomeUnderAFileSaysNotADirectoryAndExits73() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        Path home = file.resolve("home");

        Memberstat.Result r = Memberstat.nightly(home, temp.resolve("inbox"), "2026-06-30");

        assertThat(r.exitCode()).isEqualTo(73);
        assertThat(r.err()).isEqualTo("memberstat: cannot create home " + home + ": not a directory\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aHomeThatCannotBeMadeNamesTheCauseNotThePathAgain() {
        Path home = Path.of("/proc/nope");

        Memberstat.Result r = Memberstat.nightly(home, temp.resolve("inbox"), "2026-06-30");

        assertThat(r.exitCode()).isEqualTo(73);
        assertThat(r.err()).isEqualTo("memberstat: cannot create home /proc/nope: no such file or directory\n");
    }
}
