package vn.memberstat.job;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.FileProblem;
import vn.memberstat.common.MemberstatException;

/**
 * One nightly run per home at a time: an OS file lock on {@code <home>/nightly.lock}, released by the
 * OS when the holder dies, so a killed run never leaves a stale lock. The file names the holder.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "nightly.lock";
    /** What the holder writes into the file: "pid N on HOST, started INSTANT". */
    private static final Pattern HOLDER = Pattern.compile("pid (\\d{1,18}) on (.+), started \\S+");
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RunLock acquire(Path home) {
        Path file = home.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, "cannot create the run lock " + file + ": " + FileProblem.reason(e), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw new MemberstatException(ErrorCode.RUN_LOCKED, "another nightly run is using " + home.toAbsolutePath()
                        + " (" + (holder.isEmpty() ? "holder unknown" : holder) + "); this run did nothing");
            }
            String holder = "pid " + ProcessHandle.current().pid() + " on " + host() + ", started " + Instant.now();   // as HOLDER
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, "cannot write the run lock " + file + ": " + FileProblem.reason(e), e);
        }
    }

    /** The holder's line; it may be a moment before a holder that just won the lock has written it. */
    private static String holder(Path file) throws IOException {
        String holder = "";
        for (int i = 0; i < 20 && holder.isEmpty(); i++) {
            holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (holder.isEmpty()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return holder;
    }

    /**
     * Whether no live process holds the home's lock, read from the file alone (taking the lock to find out
     * could make a nightly run starting at that moment exit as locked out): true when the file is missing or
     * empty (released), or names a process of this host that no longer exists; false when its process is alive,
     * or on another host.
     */
    public static boolean holderGone(Path home) {
        String holder;
        try {
            holder = Files.exists(home.resolve(FILE)) ? Files.readString(home.resolve(FILE), StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return false;
        }
        if (holder.isEmpty()) {
            return true;
        }
        Matcher m = HOLDER.matcher(holder);
        return m.matches() && m.group(2).equals(host())
                && ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, "cannot release the run lock: " + e.getMessage(), e);
        }
    }
}
