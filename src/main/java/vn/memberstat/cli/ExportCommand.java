package vn.memberstat.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.export.ExportRequest;
import vn.memberstat.export.ExportRequest.Format;
import vn.memberstat.export.Exporter;
import vn.memberstat.export.Language;

/** {@code export}: the committees' yearly summary as a workbook, CSV files and an HTML report; prints their paths. */
final class ExportCommand {
    static final String USAGE = """
            usage: memberstat export --year YYYY [options]
            the committees' yearly summary, from the published warehouse's views: one row per unit at the level
            asked for under the unit asked for, and a total row

              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
              --year YYYY              the year (required)
              --unit CODE              the unit whose units are listed (default every unit: the top of the hierarchy)
              --level N                the level of the rows, 1 province to 4 branch (default the level below --unit)
              --restated               today's units (the restated hierarchy's views) instead of the units as they were
              --format LIST            some of xlsx,csv,html (default all three)
              --out DIR                where to write (default ./export)
              --lang vi|en             Vietnamese labels and ';' in CSV (default), or the English codes and ','
            files: memberstat-<year>[-<unit>].xlsx, .html, -<section>.csv; exit 2 bad usage, 5 no data for the year
            """;

    private final PrintStream out;

    ExportCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        options.allow("home", "year", "unit", "level", "restated", "format", "out", "lang");
        if (!options.values().containsKey("year")) {
            throw new MemberstatException(ErrorCode.USAGE, "export needs --year YYYY");
        }
        int year = options.intValue("year", 0);
        if (year < 1990 || year > 2050) {
            throw new MemberstatException(ErrorCode.USAGE, "--year " + year + " is not a year the warehouse can hold (1990-2050)");
        }
        Integer level = options.values().containsKey("level") ? options.intValue("level", 0) : null;
        ExportRequest request = new ExportRequest(year, options.values().get("unit"), level, options.flag("restated"),
                formats(options.get("format", "xlsx,csv,html")), Path.of(options.get("out", "export")).toAbsolutePath(),
                language(options.get("lang", "vi")));
        Path warehouse = options.home().resolve("warehouse.duckdb");
        if (!Files.exists(warehouse)) {
            throw new MemberstatException(ErrorCode.NO_WAREHOUSE, "no published warehouse at " + warehouse
                    + "; run 'memberstat nightly' first");
        }
        try (Connection c = SqlCommand.openReadOnly(warehouse)) {
            Exporter.export(c, request).forEach(out::println);
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot open " + warehouse + ": " + e.getMessage(), e);
        }
        return 0;
    }

    private static Set<Format> formats(String list) {
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String name : list.split(",")) {
            try {
                formats.add(Format.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new MemberstatException(ErrorCode.USAGE, "--format '" + name + "' is not one of xlsx, csv, html");
            }
        }
        return formats;
    }

    private static Language language(String code) {
        try {
            return Language.of(code);
        } catch (IllegalArgumentException e) {
            throw new MemberstatException(ErrorCode.USAGE, "--lang '" + code + "' is not vi or en");
        }
    }
}
