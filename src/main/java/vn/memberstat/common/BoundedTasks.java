package vn.memberstat.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the tasks one thread hands over on helper threads, with at most two per core waiting or running, so
 * the handing thread (reading a file, or the quarantine) never gets far ahead of them and what waits stays
 * small. Without helpers each task runs on the caller, in order. The first failure is rethrown as it was.
 */
public final class BoundedTasks {
    private static final int IN_FLIGHT = 2 * Runtime.getRuntime().availableProcessors();
    private final ExecutorService helpers;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public BoundedTasks(ExecutorService helpers) {
        this.helpers = helpers;
    }

    public void run(Runnable task) throws InterruptedException {
        if (helpers == null) {
            task.run();
            return;
        }
        rethrow();
        inFlight.acquire();
        try {
            helpers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** Waits until no task is running; the first failure of any is thrown as it was. */
    public void awaitAll() throws InterruptedException {
        if (helpers != null) {
            inFlight.acquire(IN_FLIGHT);
            inFlight.release(IN_FLIGHT);
            rethrow();
        }
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
