package vn.memberstat.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.Reprocess;
import vn.memberstat.job.RunLock;

/** {@code reprocess}: one submission's values reloaded from the lake, what they touch derived and checked again. */
final class ReprocessCommand {
    static final String USAGE = """
            usage: memberstat reprocess --submission ID [options]
            reload one data file's values from <home>/lake/ (ID as in dim_submission.submission_id), rank its units
            and periods again, derive and check again the units and years of the runs that loaded it, and publish

              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
              --memberstat.NAME=VALUE  a setting (memberstat help lists them)
            """;
    private final PrintStream out;
    private final PrintStream err;

    ReprocessCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options options) {
        options.allow("home", "submission");
        String submission = options.get("submission", null);
        if (submission == null || submission.isBlank()) {
            throw new MemberstatException(ErrorCode.USAGE, "reprocess needs --submission ID (dim_submission.submission_id)");
        }
        Path home = options.home();
        if (!Files.exists(home.resolve("work").resolve("warehouse.duckdb"))) {
            throw new MemberstatException(ErrorCode.NO_WAREHOUSE, "no warehouse in " + home + " to reprocess into");
        }
        long started = System.nanoTime();
        try (RunLock lock = RunLock.acquire(home);
                ConfigurableApplicationContext context = Cli.start(home, null, options.settings())) {
            Reprocess.Reloaded done = context.getBean(Reprocess.class).run(submission.strip());
            out.printf("memberstat reprocess %s (%s): %d rows reloaded from the lake; runs %s derived and checked again;"
                    + " published in %.1f s%n", done.submissionId(), done.filePath(), done.rows(), String.join(", ", done.runs()),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (MemberstatException e) {
            throw e;
        } catch (Exception e) {
            err.println("memberstat: reprocess FAILED: " + MemberstatException.describe(e)
                    + " (details: " + home.resolve("logs").resolve("memberstat.log") + ")");
            return NightlyCommand.exitCode(e);
        }
    }
}
