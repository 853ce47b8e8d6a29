package vn.memberstat.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedRuntimeException;
import vn.memberstat.job.MemberstatApplication;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.JobRepositorySettings;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.job.WarmUp;
import vn.memberstat.report.ProgressDisplay;

/** The {@code bin/memberstat} commands. Returns the process exit code; never calls System.exit. */
public final class Cli {
    static final String USAGE = """
            usage: memberstat <command> [options]

              nightly  [--inbox DIR] [--date YYYY-MM-DD]   pull, check, load and publish; prints a run summary
                       [--quiet] [--on-failure CMD] [--fail-on-findings error]
              status   [--json] [--limit N]                recent runs: outcome, rows, findings, time per step
              runs show DATE                               one run in full (its report.json)
              sql      [--format table|csv|json] [QUERY]   query the published warehouse (read-only); no QUERY: a prompt
              rejects  [--run ID] [--reason CODE] [--unit CODE | --under CODE] [--all]
                                                           quarantined rows as CSV, with the raw line, to send back
              backfill --from YYYY-MM-DD --to YYYY-MM-DD [--inbox DIR]
                                                           the nightly run for each date; completed ones skipped
              rebuild                                      recreate the warehouse from <home>/lake/ alone
              reprocess --submission ID                    reload one submission from the lake, derive again
              docs     --out DIR                           the data dictionary (HTML, Markdown) from the warehouse's comments
              export   --year YYYY [--unit CODE] [--level N] [--restated] [--format xlsx,csv,html] [--out DIR]
                       [--lang vi|en]                      the committees' yearly summary (XLSX, CSV, HTML with charts)
              generate --months YYYY-MM..YYYY-MM --out DIR [--provinces N] [--grassroots-per-province K]
                       [--error-rate R] [--seed S] [--backfill-rows N]   a synthetic national inbox (bench/README.md)
              schedule [--cron "0 30 1 * * *"] [--inbox DIR]   stays up and runs nightly on a schedule (hosts without cron)

            every command takes --home DIR (default $MEMBERSTAT_HOME, else ./data); <command> --help: its options
            settings: --memberstat.max-file-bytes=N, --memberstat.settle-seconds=N, --memberstat.workers=N, ...
            """;

    /** Each command's own usage, printed for {@code <command> --help} without doing anything else. */
    private static final Map<String, String> COMMAND_USAGE = Map.ofEntries(
            Map.entry("nightly", NightlyCommand.USAGE),
            Map.entry("status", StatusCommand.USAGE),
            Map.entry("sql", SqlCommand.USAGE),
            Map.entry("rejects", RejectsCommand.USAGE),
            Map.entry("runs", RunsCommand.USAGE),
            Map.entry("export", ExportCommand.USAGE),
            Map.entry("generate", GenerateCommand.USAGE),
            Map.entry("schedule", ScheduleCommand.USAGE),
            Map.entry("backfill", BackfillCommand.USAGE),
            Map.entry("rebuild", RebuildCommand.USAGE),
            Map.entry("reprocess", ReprocessCommand.USAGE),
            Map.entry("docs", DocsCommand.USAGE));

    private Cli() {}

    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        if (args.length == 0) {   // a script that lost its arguments must not pass for a run
            err.print(USAGE);
            return ErrorCode.USAGE.exitCode();
        }
        try {
            Options options = Options.parse(args);
            String commandUsage = COMMAND_USAGE.get(options.command());
            if (commandUsage != null && (options.flag("help") || options.words().contains("-h"))) {
                out.print(commandUsage);
                return 0;
            }
            checkSettings(options.settings());
            unknownEnvironmentSettings(System.getenv()).forEach(name ->
                    err.println("memberstat: warning: " + name + " is not a setting and is ignored (settings: "
                            + String.join(", ", SETTINGS.values().stream().map(Cli::environmentName).toList()) + ")"));
            return switch (options.command()) {
                case "nightly" -> new NightlyCommand(out, err).run(options);
                case "status" -> new StatusCommand(out).run(options);
                case "sql" -> new SqlCommand(out, err, in).run(options);
                case "rejects" -> new RejectsCommand(out).run(options);
                case "runs" -> new RunsCommand(out).run(options);
                case "export" -> new ExportCommand(out).run(options);
                case "generate" -> new GenerateCommand(out).run(options);
                case "schedule" -> new ScheduleCommand(out, err, in).run(options);
                case "backfill" -> new BackfillCommand(out, err).run(options);
                case "rebuild" -> new RebuildCommand(out, err).run(options);
                case "reprocess" -> new ReprocessCommand(out, err).run(options);
                case "docs" -> new DocsCommand(out).run(options);
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
     * The settings of {@link MemberstatProperties} by their kebab-case names ({@code settle-seconds}), keyed by the
     * name folded as Spring matches it (no dashes or underscores, lower case). Home and inbox are options, not settings.
     */
    private static final Map<String, String> SETTINGS = settingNames();

    private static Map<String, String> settingNames() {
        Map<String, String> names = new LinkedHashMap<>();
        var components = new java.util.ArrayList<>(List.of(MemberstatProperties.class.getRecordComponents()));
        components.addAll(List.of(JobRepositorySettings.class.getRecordComponents()));
        for (var component : components) {
            String kebab = component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            if (!kebab.equals("home") && !kebab.equals("inbox")) {
                names.put(fold(kebab), kebab);
            }
        }
        return names;
    }

    private static String fold(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String environmentName(String kebab) {
        return "MEMBERSTAT_" + kebab.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** A misspelt setting would otherwise be ignored without a word, and the run go on with the default. */
    static void checkSettings(List<String> settings) {
        for (String setting : settings) {
            String name = setting.substring(2, setting.indexOf('='));
            if (!name.toLowerCase(Locale.ROOT).startsWith("memberstat.")) {
                continue;   // Spring's own (logging.level..., spring...), for diagnosis
            }
            String key = fold(name.substring("memberstat.".length()));
            if (key.equals("home") || key.equals("inbox")) {
                throw new MemberstatException(ErrorCode.USAGE, "--" + name + " is not a setting: use --" + key + " DIR");
            }
            if (!SETTINGS.containsKey(key)) {
                throw new MemberstatException(ErrorCode.USAGE, "unknown setting --" + name + " (settings: "
                        + String.join(", ", SETTINGS.values()) + ")");
            }
        }
    }

    /**
     * {@code MEMBERSTAT_SETTLE_SECONDS=300} as {@code memberstat.settle-seconds=300}: every setting of
     * {@link MemberstatProperties} by its plain upper-case name (home and inbox come from the options).
     */
    static Map<String, Object> environmentSettings(Map<String, String> env) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String kebab : SETTINGS.values()) {
            String value = env.get(environmentName(kebab));
            if (value != null && !value.isBlank()) {
                settings.put("memberstat." + kebab, value);
            }
        }
        return settings;
    }

    /** {@code MEMBERSTAT_*} variables that are neither a setting nor one the launcher reads: most likely misspelt. */
    static List<String> unknownEnvironmentSettings(Map<String, String> env) {
        Set<String> known = new HashSet<>(List.of("MEMBERSTAT_HOME", "MEMBERSTAT_INBOX", "MEMBERSTAT_JAVA_OPTS"));
        SETTINGS.values().forEach(kebab -> known.add(environmentName(kebab)));
        return env.keySet().stream().filter(name -> name.startsWith("MEMBERSTAT_") && !known.contains(name)).sorted().toList();
    }

    /** Starts the Spring application for a home: job repository, nightly job, warehouse. */
    static ConfigurableApplicationContext start(Path home, Path inbox, List<String> settings) {
        return start(home, inbox, settings, null);
    }

    /**
     * {@link #start}, the job showing its progress on {@code display}. Spring's own shutdown hook stays off: on
     * Ctrl-C the run stops where it is, as after a kill, and the nightly command says how to resume.
     */
    static ConfigurableApplicationContext start(Path home, Path inbox, List<String> settings, ProgressDisplay display) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("memberstat.home", home.toString());
        if (inbox != null) {
            properties.put("memberstat.inbox", inbox.toString());
        }
        properties.put("spring.batch.job.enabled", "false");
        properties.put("spring.batch.jdbc.initialize-schema", "never");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        Path logFile = home.resolve("logs").resolve("memberstat.log");
        boolean logWritable = QuietLogging.canAppend(logFile);
        if (logWritable) {   // else logback would print its failure to open it, with a stack trace, on the console
            properties.put("logging.file.name", logFile.toString());
        }
        // the commands print what a person needs; stack traces and step logs go to the log file
        properties.put("logging.threshold.console", "OFF");
        properties.put("logging.level.root", "INFO");
        // every line of a run names its date and attempt (the run report's listener puts them in the MDC)
        properties.put("logging.pattern.file", "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p [%t] [%X{run:-}] %-40.40logger{39} : %m%n%wEx");
        properties.put("spring.main.register-shutdown-hook", display == null);
        properties.putAll(environmentSettings(System.getenv()));
        try {
            return new SpringApplicationBuilder(MemberstatApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(properties)
                    .listeners((ApplicationListener<ApplicationEvent>) event -> {
                        if (event instanceof ApplicationPreparedEvent prepared) {   // logging is configured by then
                            QuietLogging.apply(!logWritable);
                            WarmUp.loggingConfigured();
                            if (display != null) {
                                prepared.getApplicationContext().getBeanFactory().registerSingleton("progressDisplay", display);
                            }
                        }
                    })
                    .run(settings.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw startFailure(e, home);
        }
    }

    /**
     * Why the application did not start, in words: Spring reports it only to the log file (the console is quiet),
     * so a setting it could not use ended the command with exit 1 and nothing printed.
     */
    static MemberstatException startFailure(RuntimeException e, Path home) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MemberstatException m) {   // already in words, with its exit code
                return m;
            }
            if (t instanceof BindException bind) {
                ConfigurationProperty property = bind.getProperty();
                Throwable cause = bind;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (property == null) {   // refused by MemberstatProperties itself, in words naming the setting
                    return new MemberstatException(ErrorCode.USAGE, cause.getMessage(), e);
                }
                String name = property.getName().toString();
                String kebab = name.substring(name.indexOf('.') + 1);
                return new MemberstatException(ErrorCode.USAGE, "setting %s (%s) is '%s', not %s (%s)".formatted(name,
                        environmentName(kebab), property.getValue(), expected(bind.getTarget().getType().resolve()),
                        cause.getMessage()), e);
            }
        }
        // Spring wraps the cause in the beans it was creating ("Error creating bean with name ..."): the cause says more
        Throwable cause = e instanceof NestedRuntimeException nested ? nested.getMostSpecificCause() : e;
        return new MemberstatException(ErrorCode.RUN_FAILED, "cannot start: " + MemberstatException.describe(cause)
                + " (details: " + home.resolve("logs").resolve("memberstat.log") + ")", e);
    }

    /** What a setting of {@code type} must look like, in words. */
    private static String expected(Class<?> type) {
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "a whole number";
        }
        return type == java.time.ZoneId.class ? "a time zone such as Asia/Ho_Chi_Minh" : "a " + type.getSimpleName();
    }
}
