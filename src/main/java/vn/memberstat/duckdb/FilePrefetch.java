package vn.memberstat.duckdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a file into the operating system's page cache on a background thread, while the run is busy
 * parsing files and the disk would be idle, so that the SQL steps and publishing later find it there
 * instead of waiting on the disk. The bytes go to {@code /dev/null} through {@code sendfile}: the kernel
 * reads them without copying them into this process, which costs next to no CPU and no heap.
 *
 * <p>Only a file that fits comfortably in the memory the system has available is read: half of
 * {@code MemAvailable}. Where that cannot be known (no {@code /proc/meminfo}) nothing is read.
 */
public final class FilePrefetch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FilePrefetch.class);
    /** Bytes per transfer: small enough that closing stops the thread promptly. */
    private static final long STRETCH = 64L << 20;
    private static final Path NULL_DEVICE = Path.of("/dev/null");
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private final Thread thread;
    private volatile boolean stopped;
    private volatile long bytesRead;

    private FilePrefetch(Path file, long size) {
        this.thread = new Thread(() -> read(file, size), "prefetch");
        this.thread.setDaemon(true);
    }

    /** Starts reading {@code file} if it exists and fits in half the available memory; otherwise does nothing. */
    public static FilePrefetch start(Path file) {
        return start(file, availableMemory());
    }

    static FilePrefetch start(Path file, OptionalLong availableBytes) {
        long size;
        try {
            size = Files.isRegularFile(file) && Files.isReadable(NULL_DEVICE) ? Files.size(file) : 0;
        } catch (IOException e) {
            size = 0;
        }
        FilePrefetch prefetch = new FilePrefetch(file, size);
        if (size == 0 || availableBytes.isEmpty() || size > availableBytes.getAsLong() / 2) {
            if (size > 0) {
                log.info("prefetch: {} ({} MB) left to be read on demand: {}", file, size >> 20, availableBytes.isEmpty()
                        ? "the available memory is unknown" : "more than half of the available memory, " + (availableBytes.getAsLong() >> 20) + " MB");
            }
            prefetch.stopped = true;
            return prefetch;
        }
        prefetch.thread.start();
        return prefetch;
    }

    private void read(Path file, long size) {
        long started = System.nanoTime();
        long at = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel sink = FileChannel.open(NULL_DEVICE, StandardOpenOption.WRITE)) {
            while (at < size && !stopped) {
                long n = in.transferTo(at, Math.min(STRETCH, size - at), sink);
                if (n <= 0) {
                    break;   // the file shrank meanwhile: what is left is read on demand
                }
                at += n;
                bytesRead = at;
            }
            log.info("prefetch: read {} MB of {} in {} ms", at >> 20, file, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            log.info("prefetch: stopped after {} MB of {}: {}", at >> 20, file, e.toString());   // only a hint: reads still work
        }
    }

    /** How far the background read has come. */
    long bytesRead() {
        return bytesRead;
    }

    /** Whether the background read is still going on. */
    boolean running() {
        return thread.isAlive();
    }

    /** Stops reading (within one 64 MB stretch) and waits for the thread. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code MemAvailable} from {@code /proc/meminfo}, in bytes; empty where there is no such file. */
    static OptionalLong availableMemory() {
        try {
            return parseAvailable(Files.readAllLines(MEMINFO));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parseAvailable(List<String> meminfo) {
        for (String line : meminfo) {
            if (line.startsWith("MemAvailable:")) {
                String[] parts = line.substring("MemAvailable:".length()).trim().split("\\s+");
                long kb = Long.parseLong(parts[0]);
                return OptionalLong.of(kb * 1024);
            }
        }
        return OptionalLong.empty();
    }
}
