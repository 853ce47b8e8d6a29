package vn.memberstat.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.RunLock;
import vn.memberstat.report.RunReport;
import vn.memberstat.report.RunReports;

/** {@code runs show DATE}: one run's report in full, read from its file (nothing else is started). */
final class RunsCommand {
    static final String USAGE = """
            usage: memberstat runs show DATE [options]
            one nightly run in full, as JSON: outcome, exit code, attempts, counts and seconds per step, findings by
            rule, refused files and quarantined rows by reason (the file <home>/runs/DATE/report.json)

              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
            """;

    private final PrintStream out;

    RunsCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        options.allow("home");
        List<String> words = options.words();
        if (words.size() != 2 || !words.get(0).equals("show")) {
            throw new MemberstatException(ErrorCode.USAGE, "runs: say 'runs show DATE'");
        }
        String date = words.get(1);
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new MemberstatException(ErrorCode.USAGE, "runs show: '" + date + "' is not a date (YYYY-MM-DD)");
        }
        Path home = options.home();
        RunReports reports = new RunReports(home);
        if (reports.read(date).isEmpty()) {
            List<String> dates = reports.dates().stream().filter(d -> reports.read(d).isPresent()).limit(5).toList();
            throw new MemberstatException(ErrorCode.USAGE, "no run of " + date + " in " + home
                    + (dates.isEmpty() ? " (it has no run reports)" : " (the latest: " + String.join(", ", dates) + ")"));
        }
        out.println(RunReports.json(read(reports, home, date)));
        return 0;
    }

    /** A run's report; one still marked running while no live process holds the home died. */
    static RunReport read(RunReports reports, Path home, String date) {
        RunReport report = reports.read(date).orElseThrow();
        report.died = "STARTED".equals(report.outcome) && RunLock.holderGone(home);
        return report;
    }
}
