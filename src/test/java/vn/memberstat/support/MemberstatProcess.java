package vn.memberstat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a memberstat command in a JVM of its own, on the test class path, for what one process
 * cannot show: a run that halts its JVM (crash-at) and two runs competing for one home.
 */
public final class MemberstatProcess {
    private static final String MAIN = "vn.memberstat.cli.Main";
    private static final Duration TIME_LIMIT = Duration.ofMinutes(3);
    private final Process process;
    private final Path out;
    private final Path err;
    private final Instant started;
    private final CompletableFuture<Instant> ended;

    private MemberstatProcess(Process process, Path out, Path err, Instant started) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.started = started;
        this.ended = process.onExit().thenApply(p -> Instant.now());
    }

    /** What the process did: its exit code, output, pid and how long it ran. */
    public record Finished(int exitCode, String out, String err, long pid, Instant startedAt, Instant endedAt) {
        public Duration wallTime() {
            return Duration.between(startedAt, endedAt);
        }
    }

    /** Starts {@code args} (a command and its options); standard output and error go to files in {@code logs}. */
    public static MemberstatProcess start(Path logs, String name, String... args) {
        return start(List.of(), logs, name, args);
    }

    /**
     * {@link #start}, the JVM able to take Ctrl-C (SIGINT): a process started in the background inherits SIGINT
     * ignored, and the JVM leaves an ignored signal ignored, so perl (in every Debian) sets it back to the default
     * and then becomes the JVM (same pid).
     */
    public static MemberstatProcess startInterruptible(Path logs, String name, String... args) {
        return start(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", "--"), logs, name, args);
    }

    private static MemberstatProcess start(List<String> prefix, Path logs, String name, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(javaExecutable());
        // DuckDB's driver copies its 69 MB native library into java.io.tmpdir and a killed process leaves it
        // there: in the test's own directory, it goes when the test ends
        Path javaTmp = logs.resolve("java-tmp");
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + javaTmp,
                "-cp", System.getProperty("java.class.path"), MAIN));
        command.addAll(Arrays.asList(args));
        try {
            Files.createDirectories(javaTmp);
            Path out = logs.resolve(name + ".out");
            Path err = logs.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("MEMBERSTAT_HOME");
            builder.environment().remove("MEMBERSTAT_INBOX");
            return new MemberstatProcess(builder.start(), out, err, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** {@code nightly} in its own JVM, files taken at once (settle-seconds 0), with extra settings. */
    public static MemberstatProcess nightly(Path logs, String name, Path home, Path inbox, String date, String... settings) {
        List<String> args = new ArrayList<>(List.of("nightly", "--home", home.toString(), "--inbox", inbox.toString(),
                "--date", date, "--memberstat.settle-seconds=0"));
        args.addAll(Arrays.asList(settings));
        return start(logs, name, args.toArray(String[]::new));
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the process if it still runs: a test that failed before stopping it must not leave it running. */
    public void killIfRunning() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** Sends a signal (TERM, INT) to the process, as a service manager or Ctrl-C does. */
    public void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -s " + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while signalling " + process.pid(), e);
        }
    }

    /**
     * Waits until the standard output so far holds {@code text} {@code times} times, for a process that stays up
     * (at most three minutes, then kills it and fails); returns that output.
     */
    public String awaitOutput(String text, int times) {
        Instant deadline = Instant.now().plus(TIME_LIMIT);
        while (true) {
            String sofar = read(out);
            if (sofar.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
                return sofar;
            }
            boolean alive = process.isAlive();
            if (!alive || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new AssertionError("memberstat process " + process.pid() + (alive ? " did not print '" : " ended before printing '")
                        + text + "' " + times + " times; its output:\n" + sofar + "\nits errors:\n" + read(err));
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);   // a poll, not a measure: the output decides
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for process " + process.pid(), e);
            }
        }
    }

    /** Waits for the process to end (at most three minutes, then kills it and fails). */
    public Finished await() {
        try {
            if (!process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("memberstat process " + process.pid() + " still ran after " + TIME_LIMIT + ": " + read(err));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for process " + process.pid(), e);
        }
        return new Finished(process.exitValue(), read(out), read(err), process.pid(), started, ended.join());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
