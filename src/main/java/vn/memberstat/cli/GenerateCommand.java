package vn.memberstat.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.FileProblem;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.generate.GenerationSettings;
import vn.memberstat.generate.GenerationSummary;
import vn.memberstat.generate.InboxGenerator;

/**
 * {@code generate}: a synthetic inbox of national scale (see {@link InboxGenerator}), or with
 * {@code --backfill-rows N} one large long-layout file of N rows plus the registry.
 */
final class GenerateCommand {
    static final String USAGE = """
            usage: memberstat generate --months YYYY-MM..YYYY-MM --out DIR [options]
            a synthetic national inbox (bench/README.md)

              --months YYYY-MM..YYYY-MM     the months to report (or one YYYY-MM); required
              --out DIR                     where the inbox is written; required
              --provinces N                 provinces (default 63)
              --grassroots-per-province K   grassroots organisations per province (default %d)
              --error-rate R                share of values spoiled for quarantine (default 0.001)
              --seed S                      random seed (default 1)
              --backfill-rows N             also one long-layout file of N rows (default 0: none)
              --workers N                   threads writing (default the number of processors)
              --xlsx-share R                share of files written as .xlsx workbooks (default 0: all CSV)
            """.formatted(GenerationSettings.NATIONAL_GRASSROOTS_PER_PROVINCE);

    private final PrintStream out;

    GenerateCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        options.allow("provinces", "months", "out", "error-rate", "seed", "grassroots-per-province", "backfill-rows", "workers",
                "xlsx-share");
        String months = required(options, "months");
        YearMonth[] range = months(months);
        GenerationSettings settings;
        try {
            settings = new GenerationSettings(
                    options.intValue("provinces", 63),
                    options.intValue("grassroots-per-province", GenerationSettings.NATIONAL_GRASSROOTS_PER_PROVINCE),
                    range[0],
                    range[1],
                    doubleValue(options, "error-rate", 0.001),
                    longValue(options, "seed", 1),
                    Path.of(required(options, "out")).toAbsolutePath().normalize(),
                    longValue(options, "backfill-rows", 0),
                    options.intValue("workers", Runtime.getRuntime().availableProcessors()),
                    doubleValue(options, "xlsx-share", 0));
        } catch (IllegalArgumentException e) {
            throw new MemberstatException(ErrorCode.USAGE, e.getMessage());
        }
        long started = System.nanoTime();
        GenerationSummary s;
        try {
            s = new InboxGenerator(settings, Catalogue.load(), Instant.now()).generate();
        } catch (IllegalArgumentException e) {
            throw new MemberstatException(ErrorCode.USAGE, e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, e.getMessage() + ": " + FileProblem.reason(e.getCause()), e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "memberstat generate: %d provinces, %,d grassroots organisations, %s..%s, seed %d, error rate %s%n",
                settings.provinces(), s.grassroots(), settings.first(), settings.last(), settings.seed(), settings.errorRate());
        out.printf(Locale.ROOT, "  files    %,d = %,d monthly + %,d corrections%s + 1 registry, %.1f MB in %.1f s%n",
                s.files(), s.monthlyFiles(), s.correctionFiles(), settings.backfillRows() > 0 ? " + 1 backfill" : "",
                s.bytes() / 1e6, seconds);
        out.printf(Locale.ROOT, "  values   %,d data values + %,d registry rows = %,d rows for a nightly run to read%n",
                s.values(), s.registryRows(), s.rowsToRead());
        out.printf(Locale.ROOT, "  spoiled  %,d values %s: expect them in quarantine%n", s.spoiledValues(), s.spoiled());
        out.println("  out      " + settings.out());
        return 0;
    }

    private static String required(Options options, String name) {
        String v = options.get(name, null);
        if (v == null || v.isBlank()) {
            throw new MemberstatException(ErrorCode.USAGE, "generate needs --" + name);
        }
        return v;
    }

    /** {@code 2024-01..2024-12}, or one month {@code 2024-05}. */
    static YearMonth[] months(String text) {
        String[] parts = text.split("\\.\\.", -1);
        try {
            if (parts.length == 1) {
                YearMonth m = YearMonth.parse(parts[0].strip());
                return new YearMonth[] {m, m};
            }
            if (parts.length == 2) {
                return new YearMonth[] {YearMonth.parse(parts[0].strip()), YearMonth.parse(parts[1].strip())};
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new MemberstatException(ErrorCode.USAGE, "--months '" + text + "' is not YYYY-MM..YYYY-MM or YYYY-MM");
    }

    private static long longValue(Options options, String name, long fallback) {
        String v = options.get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new MemberstatException(ErrorCode.USAGE, "--" + name + " '" + v + "' is not a whole number");
        }
    }

    private static double doubleValue(Options options, String name, double fallback) {
        String v = options.get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new MemberstatException(ErrorCode.USAGE, "--" + name + " '" + v + "' is not a number");
        }
    }
}
