package vn.memberstat.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.memberstat.MemberstatApplication;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.MemberstatProperties;

/** The {@code bin/memberstat} commands. Returns the process exit code; never calls System.exit. */
public final class Cli {
    static final String USAGE = """
            usage: memberstat <command> [options]

              nightly  [--inbox DIR] [--date YYYY-MM-DD]   pull, check, load and publish; prints a run summary
              status   [--json] [--limit N]                recent runs: outcome, rows, findings, time per step
              sql      [--format table|csv|json] [QUERY]   query the published warehouse (read-only); no QUERY: a prompt
              rejects  [--run ID] [--reason CODE] [--unit CODE] [--all]
                                                           quarantined rows as CSV, with the raw line, to send back
              generate --months YYYY-MM..YYYY-MM --out DIR [--provinces N] [--grassroots-per-province K]
                       [--error-rate R] [--seed S] [--backfill-rows N]   a synthetic national inbox (bench/README.md)

            every command takes --home DIR (default $MEMBERSTAT_HOME, else ./data)
            settings: --memberstat.max-file-bytes=N, --memberstat.settle-seconds=N, --memberstat.workers=N, ...
            """;

    private Cli() {}

    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        try {
            Options options = Options.parse(args);
            return switch (options.command()) {
                case "nightly" -> new NightlyCommand(out, err).run(options);
                case "status" -> new StatusCommand(out).run(options);
                case "sql" -> new SqlCommand(out, err, in).run(options);
                case "rejects" -> new RejectsCommand(out).run(options);
                case "generate" -> new GenerateCommand(out).run(options);
                case "bench-duckdb-csv" -> new BenchCommands(out).duckdbCsv(options);
                case "bench-query" -> new BenchCommands(out).query(options);
                case "bench-compact" -> new BenchCommands(out).compact(options);
                case "bench-write-floor" -> new BenchCommands(out).writeFloor(options);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new MemberstatException(ErrorCode.USAGE, "unknown command '" + options.command() + "'");
            };
        } catch (MemberstatException e) {
            err.println("memberstat: " + e.getMessage());
            if (e.code() == ErrorCode.USAGE) {
                err.print(USAGE);
            }
            return e.code().exitCode();
        }
    }

    /**
     * {@code MEMBERSTAT_SETTLE_SECONDS=300} as {@code memberstat.settle-seconds=300}: every setting of
     * {@link MemberstatProperties} by its plain upper-case name (home and inbox come from the options).
     */
    static Map<String, Object> environmentSettings(Map<String, String> env) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (var component : MemberstatProperties.class.getRecordComponents()) {
            String kebab = component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
            String name = "MEMBERSTAT_" + kebab.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
            String value = env.get(name);
            if (value != null && !value.isBlank() && !kebab.equals("home") && !kebab.equals("inbox")) {
                settings.put("memberstat." + kebab, value);
            }
        }
        return settings;
    }

    /** Starts the Spring application for a home: job repository, nightly job, warehouse. */
    static ConfigurableApplicationContext start(Path home, Path inbox, List<String> settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("memberstat.home", home.toString());
        if (inbox != null) {
            properties.put("memberstat.inbox", inbox.toString());
        }
        properties.put("spring.datasource.url", "jdbc:h2:file:" + home.resolve("jobrepo").resolve("batch") + ";AUTO_SERVER=TRUE");
        properties.put("spring.datasource.username", "sa");
        properties.put("spring.datasource.password", "");
        properties.put("spring.batch.job.enabled", "false");
        properties.put("spring.batch.jdbc.initialize-schema", "never");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("logging.file.name", home.resolve("logs").resolve("memberstat.log").toString());
        // the commands print what a person needs; stack traces and step logs go to the log file
        properties.put("logging.threshold.console", "OFF");
        properties.put("logging.level.root", "INFO");
        properties.putAll(environmentSettings(System.getenv()));
        return new SpringApplicationBuilder(MemberstatApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run(settings.toArray(String[]::new));
    }
}
