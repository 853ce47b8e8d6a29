package vn.memberstat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;
import vn.memberstat.support.MemberstatProcess;

/** What an operator meets in a real process: Ctrl-C during a run, and a home on a full file system. */
final class OperatorSignalsTest {
    private static final String DATE = "2026-06-30";
    @TempDir
    Path temp;

    @Test
    void ctrlCSaysHowToResumeAndExits130() throws Exception {
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");
        MemberstatProcess run = MemberstatProcess.startInterruptible(temp, "interrupted", "nightly", "--home", home.toString(),
                "--inbox", inbox.toString(), "--date", DATE, "--memberstat.settle-seconds=0", "--quiet");
        RunReports reports = new RunReports(home);
        // the job has begun once its report names the attempt; the run has seconds of work left then
        for (int i = 0; i < 3000 && readable(reports).isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(readable(reports)).as("the run's report appeared").isPresent();
        new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).inheritIO().start().waitFor();
        MemberstatProcess.Finished finished = run.await();
        assertThat(finished.exitCode()).isEqualTo(130);
        assertThat(finished.err()).contains("memberstat: interrupted; run again with the same --date to resume\n");
        assertThat(reports.read(DATE).orElseThrow().outcome).isEqualTo("INTERRUPTED");
        assertThat(reports.read(DATE).orElseThrow().exitCode).isEqualTo(130);
        // every log line of the run names its date and attempt
        assertThat(Files.readString(home.resolve("logs").resolve("memberstat.log"))).contains("[" + DATE + " attempt 1]");

        Memberstat.Result resumed = Memberstat.nightly(home, inbox, DATE, "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("read 364 = loaded 349 + quarantined 14 + duplicate 1");
    }

    /** A report half-written at the moment it is read is no report yet. */
    private static Optional<RunReport> readable(RunReports reports) {
        try {
            return reports.read(DATE);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Test
    void aFullDiskExits73WithOneLineNamingTheFileSystem() throws Exception {
        Path disk = Files.createDirectories(temp.resolve("disk"));
        Assumptions.assumeTrue(mount(disk), "mounting a 4 MB tmpfs needs root (CI runs as root)");
        try {
            Path inbox = Memberstat.copySample(temp.resolve("inbox"));
            Path home = disk.resolve("home");
            MemberstatProcess.Finished full = MemberstatProcess.nightly(temp, "full", home, inbox, DATE).await();
            assertThat(full.exitCode()).as(full.err()).isEqualTo(73);
            assertThat(full.err().lines().toList()).as(full.err()).singleElement().asString()
                    .startsWith("memberstat: nightly " + DATE + ": the file system of " + home + " (" + disk + " (tmpfs)) is full: ")
                    .contains("this run needs about ").endsWith("free space and run again with --date " + DATE);
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aLogFileThatCannotBeOpenedLeavesTheRunAndTheConsoleAlone() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("logs").resolve("memberstat.log"));   // a directory where the log goes
        Path inbox = Files.createDirectories(temp.resolve("empty-inbox"));
        MemberstatProcess.Finished run = MemberstatProcess.nightly(temp, "no-log", home, inbox, DATE, "--quiet").await();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("memberstat nightly " + DATE + ": COMPLETED");
        assertThat(run.err()).as("no logback status or stack trace").doesNotContain("logback").doesNotContain("\tat ");
    }

    private static boolean mount(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }
}
