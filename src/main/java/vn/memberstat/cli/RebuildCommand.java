package vn.memberstat.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.Rebuild;
import vn.memberstat.job.RunLock;

/** {@code rebuild}: the warehouse made again from the home's lake alone, then published. */
final class RebuildCommand {
    static final String USAGE = """
            usage: memberstat rebuild [options]
            recreate the warehouse from <home>/lake/ alone (the lake is the system of record): every run of the lake
            is loaded, derived and checked again in the order it first ran, and the result published. A home holding
            only a copy of another home's lake gets the same warehouse, table by table. A failure leaves the
            warehouse as it was.

              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
              --memberstat.NAME=VALUE  a setting (memberstat help lists them)
            """;
    private final PrintStream out;
    private final PrintStream err;

    RebuildCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options options) {
        options.allow("home");
        Path home = options.home();
        NightlyCommand.prepareHome(home);
        long started = System.nanoTime();
        try (RunLock lock = RunLock.acquire(home);
                ConfigurableApplicationContext context = Cli.start(home, null, options.settings())) {
            int runs = context.getBean(Rebuild.class).run(replayed ->
                    out.printf("  run %s replayed (%d of %d)%n", replayed.runId(), replayed.number(), replayed.of()));
            out.printf("memberstat rebuild: %d runs from %s in %.1f s; warehouse %s%n", runs, home.resolve("lake"),
                    (System.nanoTime() - started) / 1e9, home.resolve("warehouse.duckdb"));
            return 0;
        } catch (Exception e) {
            err.println("memberstat: rebuild FAILED: " + MemberstatException.describe(e) + "; the warehouse is as it was"
                    + " (details: " + home.resolve("logs").resolve("memberstat.log") + ")");
            // the cause's own code where it has one (another run holds the home: 75); else 1
            return e instanceof MemberstatException m && m.code() != ErrorCode.STORAGE ? m.code().exitCode()
                    : ErrorCode.RUN_FAILED.exitCode();
        }
    }
}
