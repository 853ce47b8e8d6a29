package vn.memberstat.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.MissedRun;
import vn.memberstat.job.RunHistory;

/**
 * {@code schedule}: stays up and runs {@code nightly} on a cron schedule, for hosts without cron or systemd timers.
 * Each run is the nightly command itself (its lock, its summary, its exit code), one at a time on one thread.
 */
final class ScheduleCommand {
    static final String DEFAULT_CRON = "0 30 1 * * *";
    static final String USAGE = """
            usage: memberstat schedule [options]
            stays up and runs the nightly job on a schedule (for hosts without cron); at start it first runs the
            date whose scheduled time passed while it was not running

              --cron "S M H D M W"     when: six fields, seconds first (Spring's cron), in the host's time zone
                                       (default "0 30 1 * * *": 01:30 every day)
              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
              --inbox DIR              where units drop their files (default $MEMBERSTAT_INBOX, else sample-input)
              --memberstat.NAME=VALUE  a setting for every run (memberstat help lists them)

            stop with Ctrl-C or SIGTERM (exit 0): a run under way is finished first; a second signal stops at once,
            and the run resumes at the next start
            """;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    /** Held by a run: a stop waits for it, and no run starts once stopping. */
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean stopping;
    private volatile LocalDate runDate;

    ScheduleCommand(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    int run(Options options) {
        options.allow("home", "inbox", "cron");
        String cronText = options.get("cron", DEFAULT_CRON).strip();
        CronExpression cron;
        try {
            cron = CronExpression.parse(cronText);
        } catch (IllegalArgumentException e) {
            throw new MemberstatException(ErrorCode.USAGE, "--cron '" + cronText + "' is not a schedule: " + e.getMessage()
                    + " (six fields, seconds first: \"0 30 1 * * *\" is 01:30 every day)");
        }
        ZonedDateTime first = cron.next(ZonedDateTime.now(ZoneId.systemDefault()));
        if (first == null) {
            throw new MemberstatException(ErrorCode.USAGE, "--cron '" + cronText + "' names no time that comes (such as 30 February)");
        }
        Path home = options.home();
        String inbox = Path.of(options.get("inbox", System.getenv().getOrDefault("MEMBERSTAT_INBOX", "sample-input")))
                .toAbsolutePath().normalize().toString();
        ZoneId zone = ZoneId.systemDefault();
        RunHistory history = history(home, options.settings());
        Optional<LocalDate> missed = MissedRun.date(cron, ZonedDateTime.now(zone), history);

        CountDownLatch stop = new CountDownLatch(1);
        Signals.onStop(() -> stopRequested(stop));
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedule");
            t.setDaemon(true);
            return t;
        });
        ConcurrentTaskScheduler scheduler = new ConcurrentTaskScheduler(thread);
        List<String> runArgs = new ArrayList<>(List.of("--home", home.toString(), "--inbox", inbox));
        runArgs.addAll(options.settings());
        out.println("memberstat schedule: nightly at \"" + cronText + "\" (" + zone + ") for " + home + ", inbox " + inbox
                + "; next run " + NightlyCommand.SECONDS.format(first) + "; stop with Ctrl-C or SIGTERM");
        missed.ifPresent(date -> {
            out.println("memberstat schedule: catching up " + date + ", whose scheduled run was missed (latest completed run: "
                    + history.latestCompleted().map(LocalDate::toString).orElse("none") + ")");
            thread.execute(() -> nightly(date, runArgs, cron, zone));
        });
        ScheduledFuture<?> schedule = scheduler.schedule(() -> nightly(LocalDate.now(zone), runArgs, cron, zone),
                new CronTrigger(cronText, zone));
        awaitQuietly(stop);
        schedule.cancel(false);
        running.lock();   // a run under way finishes first
        try {
            thread.shutdownNow();
        } finally {
            running.unlock();
        }
        out.println("memberstat schedule: stopped");
        return 0;
    }

    /** One run, as {@code memberstat nightly --date DATE}; a failure is reported and the schedule goes on. */
    private void nightly(LocalDate date, List<String> runArgs, CronExpression cron, ZoneId zone) {
        running.lock();
        try {
            if (stopping) {
                return;
            }
            runDate = date;
            List<String> args = new ArrayList<>(List.of("nightly", "--date", date.toString()));
            args.addAll(runArgs);
            int code = Cli.run(args.toArray(String[]::new), out, err, in);
            if (code != 0) {
                err.println("memberstat schedule: the run for " + date + " exited " + code);
            }
        } catch (RuntimeException e) {   // the next night must still come
            err.println("memberstat schedule: the run for " + date + " failed: " + MemberstatException.describe(e));
        } finally {
            runDate = null;
            running.unlock();
        }
        ZonedDateTime next = cron.next(ZonedDateTime.now(zone));
        if (!stopping && next != null) {
            out.println("memberstat schedule: next run " + NightlyCommand.SECONDS.format(next));
        }
    }

    /** First signal: stop after the run under way. Second: at once, as a kill would (the run resumes at the next start). */
    private synchronized void stopRequested(CountDownLatch stop) {
        if (stopping) {
            err.println("memberstat schedule: stopped during the run for " + runDate + "; it resumes at the next start");
            err.flush();
            out.flush();
            Runtime.getRuntime().halt(130);
        }
        stopping = true;
        LocalDate date = runDate;
        if (date != null) {
            out.println("memberstat schedule: stopping once the run for " + date + " has finished (signal again to stop at once)");
        }
        stop.countDown();
    }

    /** The runs recorded in the home's job repository; none when nothing ever ran there. */
    private static RunHistory history(Path home, List<String> settings) {
        if (!Files.isDirectory(home.resolve("jobrepo"))) {
            return RunHistory.NONE;
        }
        try (ConfigurableApplicationContext context = Cli.start(home, null, settings)) {
            return RunHistory.of(context.getBean(JobRepository.class));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
