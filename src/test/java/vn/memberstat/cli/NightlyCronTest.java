package vn.memberstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.job.RunLock;
import vn.memberstat.support.Memberstat;

/**
 * jobs/nightly-cron, the crontab's command: every run's output goes to the log, and only a failure's reaches cron
 * (which mails it). It runs with a jobs/run-app beside it that starts this build's application from the test class
 * path; jobs/run-app itself refuses to start without a prepared application.
 */
final class NightlyCronTest {
    private static final String DATE = "2026-06-30";

    @TempDir
    Path temp;

    private record Ran(int exitCode, String out, String err) {}

    @Test
    void aFailedRunReachesCronAndItsResumedRunPrintsNothing() throws Exception {
        Path home = temp.resolve("home");
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path log = temp.resolve("nightly.log");

        Ran failed = cron(settings(home, inbox, "MEMBERSTAT_FAIL_AT=load"), "--log", log.toString(), "--date", DATE);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).startsWith("memberstat nightly failed (exit 1) on ").contains("all in " + log + "):\n")
                .contains("memberstat: nightly " + DATE + " FAILED: failure injected at stage load (memberstat.fail-at)")
                .contains("run again with --date " + DATE);

        Ran resumed = cron(settings(home, inbox), "--log", log.toString(), "--date", DATE);
        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.out() + resumed.err()).as("a run that succeeds mails nothing").isEmpty();
        assertThat(Files.readString(log)).containsSubsequence("nightly --date " + DATE + " exited 1\n",
                "failure injected at stage load", "nightly --date " + DATE + " exited 0\n",
                "memberstat nightly " + DATE + ": COMPLETED", "(restarted)", "read 364 = loaded 349 + quarantined 14 + duplicate 1");
    }

    @Test
    void aRunThatFindsAnotherHoldingTheHomeMailsNothing() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        try (RunLock held = RunLock.acquire(home)) {
            Ran ran = cron(settings(home, inbox), "--date", DATE);

            assertThat(ran.exitCode()).isEqualTo(75);
            assertThat(ran.out() + ran.err()).isEmpty();
        }
        assertThat(Files.readString(home.resolve("logs").resolve("nightly.log"))).as("the log is in the home by default")
                .contains("exited 75\n").contains("another nightly run is using " + home);
    }

    @Test
    void runAppRefusesToStartWithoutAPreparedApplication() throws Exception {
        Path jobs = Files.createDirectories(temp.resolve("checkout").resolve("jobs"));
        Files.copy(Path.of("jobs", "run-app"), jobs.resolve("run-app"));

        Ran ran = run(List.of("bash", jobs.resolve("run-app").toString(), "nightly"));

        assertThat(ran.exitCode()).isEqualTo(1);
        assertThat(ran.err()).isEqualTo("memberstat: no prepared application in " + temp.resolve("checkout").resolve("target")
                .resolve("app") + ": run jobs/install (or bin/memberstat help) as its owner first\n");
    }

    private Path settings(Path home, Path inbox, String... more) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# as /etc/memberstat/memberstat.env", "MEMBERSTAT_HOME=" + home,
                "MEMBERSTAT_INBOX=" + inbox, "MEMBERSTAT_SETTLE_SECONDS=0"));
        lines.addAll(List.of(more));
        return Files.write(temp.resolve("memberstat-" + more.length + ".env"), lines);
    }

    /** jobs/nightly-cron copied beside a run-app that starts this build from the test class path. */
    private Ran cron(Path settings, String... args) throws Exception {
        Path jobs = Files.createDirectories(temp.resolve("jobs"));
        if (!Files.exists(jobs.resolve("nightly-cron"))) {
            Files.copy(Path.of("jobs", "nightly-cron"), jobs.resolve("nightly-cron"));
            String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Path runApp = Files.writeString(jobs.resolve("run-app"), "#!/usr/bin/env bash\nexec '" + java
                    + "' -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.io.tmpdir='" + Files.createDirectories(temp.resolve("java-tmp"))
                    + "' -cp '" + System.getProperty("java.class.path") + "' vn.memberstat.cli.Main \"$@\"\n");
            Files.setPosixFilePermissions(runApp, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> command = new ArrayList<>(List.of("bash", jobs.resolve("nightly-cron").toString(), "--env", settings.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private Ran run(List<String> command) throws Exception {
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MEMBERSTAT_"));
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " still ran after 3 minutes");
        }
        return new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
