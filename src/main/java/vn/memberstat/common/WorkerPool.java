package vn.memberstat.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The threads a stage fans out on: workers taking items a producer feeds them through a bounded queue, and
 * helpers taking the tasks one thread hands over; the first failure stops the work and is rethrown as it was.
 */
public final class WorkerPool implements AutoCloseable {
    /** Tasks of one hand-off waiting or running at once: the handing thread never gets far ahead of the helpers. */
    private static final int IN_FLIGHT = 2 * Runtime.getRuntime().availableProcessors();
    /** Marks the end of the items for one worker. */
    private static final Object END = new Object();
    private final int threads;
    private final ExecutorService workers;
    private final ExecutorService helpers;

    /**
     * {@code threads} workers, and as many helpers: a worker may hand a large item's parts to the helpers. Threads
     * start as work comes, so helpers nobody hands work to cost nothing.
     */
    public WorkerPool(int threads) {
        this.threads = threads;
        this.workers = Executors.newFixedThreadPool(threads);
        this.helpers = Executors.newFixedThreadPool(threads);
    }

    /**
     * Runs {@code work} for every item {@code feed} produces on the calling thread, on the workers, each taking the
     * next item as it frees up from a queue of 64 per worker; the items are produced as they go, never held whole.
     * The first failure stops the others and is rethrown. {@code source} names what the feed reads.
     */
    @SuppressWarnings("unchecked")
    public <T> void forEach(String source, Consumer<Consumer<T>> feed, Consumer<? super T> work) throws InterruptedException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64 * threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                running.add(workers.submit(() -> {
                    try {
                        for (Object item = queue.take(); item != END; item = queue.take()) {
                            work.accept((T) item);
                        }
                    } catch (Exception | Error e) {
                        failure.compareAndSet(null, e);
                        throw e;
                    }
                    return null;
                }));
            }
            boolean handed = hand(source, queue, failure, put -> {
                feed.accept(put::accept);
                for (int t = 0; t < threads; t++) {
                    put.accept(END);
                }
            });
            if (!handed) {
                stop(running);   // the others may wait for items that will not come
                throw rethrown(failure.get());
            }
            for (Future<?> worker : running) {
                await(worker);
            }
        } finally {
            stop(running);
        }
    }

    private static void stop(List<Future<?>> running) {
        running.forEach(worker -> worker.cancel(true));
    }

    /** Thrown inside {@link #hand} when a worker has failed: the feeding stops. */
    private static final class WorkerFailed extends RuntimeException {
        WorkerFailed() {
            super(null, null, false, false);
        }
    }

    /** Feeds the queue through {@code producer}; false when a worker failed first. */
    private static boolean hand(String source, BlockingQueue<Object> queue, AtomicReference<Throwable> failure,
            Consumer<Consumer<Object>> producer) throws InterruptedException {
        try {
            producer.accept(item -> {
                try {
                    while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                        if (failure.get() != null) {
                            throw new WorkerFailed();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WorkerFailed();
                }
            });
            return true;
        } catch (WorkerFailed e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while reading " + source);
            }
            return false;
        }
    }

    /**
     * {@code fn} of every item, on the workers, the results in the items' order (the pull hashing a batch of files).
     * The first failure is rethrown as it was, and the tasks not yet run are cancelled.
     */
    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> fn) throws InterruptedException {
        List<Future<? extends R>> tasks = new ArrayList<>(items.size());
        try {
            for (T item : items) {
                tasks.add(workers.submit(() -> fn.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<? extends R> task : tasks) {
                results.add(await(task));
            }
            return results;
        } finally {
            tasks.forEach(task -> task.cancel(true));   // none left once all succeeded
        }
    }

    /** A new hand-off of tasks to the helpers. */
    public HandOff handOff() {
        return new HandOff(helpers);
    }

    /** A hand-off to the helpers of {@code pool}; without a pool, one that runs each task on the caller, in order. */
    public static HandOff handOff(WorkerPool pool) {
        return pool == null ? new HandOff(null) : pool.handOff();
    }

    /**
     * The tasks one thread hands over (the parts of a large file, batches of quarantined values), run on the
     * helpers with at most two per core waiting or running, so that what waits stays small.
     */
    public static final class HandOff {
        private final ExecutorService helpers;
        private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        private HandOff(ExecutorService helpers) {
            this.helpers = helpers;
        }

        /** Runs {@code task} on a helper once one of the places in flight is free; an earlier failure is thrown instead. */
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

    /** The task's result; its failure rethrown as it was thrown. */
    public static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** A task's failure as it was thrown, or a storage error wrapping a checked one. */
    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new MemberstatException(ErrorCode.STORAGE, "a worker failed: " + cause, cause);
    }

    /** Stops the workers and helpers, interrupting what still runs. */
    @Override
    public void close() {
        workers.shutdownNow();
        helpers.shutdownNow();
    }
}
