package vn.memberstat.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.Backfill;
import vn.memberstat.job.RunLock;

/** {@code backfill}: the nightly run for each date of a range, one summary line a date. */
final class BackfillCommand {
    static final String USAGE = """
            usage: memberstat backfill --from YYYY-MM-DD --to YYYY-MM-DD [options]
            the nightly run for each date from --from to --to, in order: a completed date is skipped, a failed one
            resumed from its failed step; stops at the first date that fails (exit code as nightly), so the same
            command run again resumes there

              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
              --inbox DIR              where units drop their files (default $MEMBERSTAT_INBOX, else sample-input)
              --allow-earlier          run dates earlier than the latest completed run (refused otherwise)
              --memberstat.NAME=VALUE  a setting for these runs (memberstat help lists them)
            """;
    private final PrintStream out;
    private final PrintStream err;

    BackfillCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options options) {
        options.allow("home", "inbox", "from", "to", "allow-earlier");
        LocalDate from = date(options, "from");
        LocalDate to = date(options, "to");
        Backfill.checkRange(from, to);
        Path home = options.home();
        Path inbox = Path.of(options.get("inbox", NightlyCommand.envOr("MEMBERSTAT_INBOX", "sample-input"))).toAbsolutePath().normalize();
        NightlyCommand.prepareHome(home);
        try (RunLock lock = RunLock.acquire(home);
                ConfigurableApplicationContext context = Cli.start(home, inbox, options.settings())) {
            Optional<Backfill.DateRun> failed = context.getBean(Backfill.class)
                    .run(from, to, inbox, options.flag("allow-earlier"), this::print);
            if (failed.isEmpty()) {
                out.println("memberstat backfill " + from + ".." + to + ": every date completed");
                return 0;
            }
            LocalDate date = failed.get().date();
            Throwable failure = NightlyCommand.firstFailure(failed.get().launch().execution());
            err.println("memberstat: backfill stopped at " + date + ": " + (failure == null
                    ? failed.get().launch().execution().getExitStatus() : MemberstatException.describe(failure)));
            err.println("memberstat: fix the cause and run the same backfill again to resume from " + date
                    + " (its failed step on); the dates after it have not run (details: "
                    + home.resolve("logs").resolve("memberstat.log") + ")");
            return NightlyCommand.exitCode(failure);
        }
    }

    /** One line a date: what it did and its row conservation. */
    private void print(Backfill.DateRun run) {
        var execution = run.launch().execution();
        if (run.launch().alreadyCompleted()) {
            out.printf("%s  skipped    completed at %s%n", run.date(), NightlyCommand.SECONDS.format(execution.getEndTime()));
            return;
        }
        ExecutionContext c = execution.getExecutionContext();
        String rows = c.containsKey("rows_read") ? "  read %d = loaded %d + quarantined %d + duplicate %d".formatted(
                c.getLong("rows_read"), c.getLong("rows_loaded"), c.getLong("rows_quarantined"), c.getLong("rows_duplicate")) : "";
        String findings = c.containsKey("findings") ? ", %d findings".formatted(c.getLong("findings")) : "";
        out.printf("%s  %-9s  %.1f s%s%s%s%n", run.date(), execution.getStatus(), run.wall().toMillis() / 1000.0,
                run.launch().restarted() ? " (resumed)" : "", rows, findings);
    }

    private static LocalDate date(Options options, String name) {
        String value = options.get(name, null);
        if (value == null) {
            throw new MemberstatException(ErrorCode.USAGE, "backfill needs --" + name + " YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new MemberstatException(ErrorCode.USAGE, "--" + name + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
