package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a home's lock names a live process, read from the lock file without taking the lock. */
final class RunLockTest {
    @TempDir
    Path home;

    @Test
    void aHolderIsGoneWhenTheLockIsReleasedOrItsProcessEnded() throws Exception {
        assertThat(RunLock.holderGone(home)).as("no lock file: never held").isTrue();

        try (RunLock held = RunLock.acquire(home)) {
            assertThat(RunLock.holderGone(home)).as("held by this live process").isFalse();
        }
        assertThat(RunLock.holderGone(home)).as("released: the file is emptied").isTrue();

        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        writeHolder("pid " + ended.pid() + " on " + InetAddress.getLocalHost().getHostName() + ", started 2026-06-30T01:00:00Z");
        assertThat(RunLock.holderGone(home)).as("a killed holder leaves its line; its process has ended").isTrue();
    }

    @Test
    void aHolderThatCannotBeCheckedHereIsNotCalledGone() throws Exception {
        writeHolder("pid " + ProcessHandle.current().pid() + " on another-host.example, started 2026-06-30T01:00:00Z");
        assertThat(RunLock.holderGone(home)).as("a process of another host, seen on a shared disk").isFalse();

        writeHolder("something else");
        assertThat(RunLock.holderGone(home)).as("a line it cannot read").isFalse();
    }

    private void writeHolder(String line) throws IOException {
        Files.writeString(home.resolve(RunLock.FILE), line);
    }
}
