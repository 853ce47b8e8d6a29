package vn.memberstat.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import vn.memberstat.cli.Options;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * The benchmark's helper commands, left out of the usage text (see bench/README.md):
 * {@code bench-duckdb-csv --out DIR [--threads N] INPUT...}, DuckDB's own CSV reader over the inputs into
 * Parquet, {@code bench-query --db FILE [--reps N] SQL}, the time of a query on a warehouse file, and
 * {@code bench-compact --home DIR}, a cached warehouse rewritten compactly after a migration ({@link Compaction}),
 * and {@code bench-write-floor --db FILE --out FILE}, DuckDB alone writing the rows a warehouse holds ({@link WriteFloor}).
 * They print {@code key=value} lines the benchmark script reads.
 */
final class BenchCommands {
    private final PrintStream out;

    BenchCommands(PrintStream out) {
        this.out = out;
    }

    int duckdbCsv(Options options) {
        options.allow("out", "threads");
        String target = options.get("out", null);
        if (target == null || options.words().isEmpty()) {
            throw new MemberstatException(ErrorCode.USAGE, "bench-duckdb-csv needs --out DIR and at least one input file or directory");
        }
        List<Path> inputs = options.words().stream().map(w -> Path.of(w).toAbsolutePath().normalize()).toList();
        CsvBaseline.Result r = CsvBaseline.run(inputs, Path.of(target).toAbsolutePath().normalize(), options.intValue("threads", 0));
        out.printf(Locale.ROOT, "files=%d%ngroups=%d%nvalue_rows=%d%nregistry_rows=%d%nunknown_files=%d%nlist_seconds=%.3f%n"
                + "duckdb_seconds=%.3f%n", r.files(), r.groups(), r.valueRows(), r.registryRows(), r.unknownFiles(),
                r.listSeconds(), r.duckdbSeconds());
        return 0;
    }

    int query(Options options) {
        options.allow("db", "reps");
        String db = options.get("db", null);
        if (db == null || options.words().isEmpty()) {
            throw new MemberstatException(ErrorCode.USAGE, "bench-query needs --db FILE and a query");
        }
        int reps = options.intValue("reps", 5);
        if (reps < 1) {
            throw new MemberstatException(ErrorCode.USAGE, "--reps must be at least 1");
        }
        List<QueryTimer.Run> runs = QueryTimer.time(Path.of(db), String.join(" ", options.words()), reps);
        for (int i = 0; i < runs.size(); i++) {
            out.printf(Locale.ROOT, "run_%d_ms=%.1f%n", i + 1, runs.get(i).millis());
        }
        out.printf(Locale.ROOT, "rows=%d%nmedian_ms=%.1f%n", runs.get(0).rows(), QueryTimer.medianMillis(runs));
        return 0;
    }

    int compact(Options options) {
        options.allow("home");
        String home = options.get("home", null);
        if (home == null) {
            throw new MemberstatException(ErrorCode.USAGE, "bench-compact needs --home DIR");
        }
        long[] sizes = Compaction.run(Path.of(home).toAbsolutePath().normalize());
        out.printf(Locale.ROOT, "bytes_before=%d%nbytes_after=%d%n", sizes[0], sizes[1]);
        return 0;
    }

    int writeFloor(Options options) {
        options.allow("db", "out");
        String db = options.get("db", null);
        String target = options.get("out", null);
        if (db == null || target == null) {
            throw new MemberstatException(ErrorCode.USAGE, "bench-write-floor needs --db FILE (a warehouse) and --out FILE (a new file)");
        }
        WriteFloor.Result r = WriteFloor.run(Path.of(db).toAbsolutePath().normalize(), Path.of(target).toAbsolutePath().normalize());
        out.printf(Locale.ROOT, "tables=%d%nrows=%d%nwrite_seconds=%.3f%n", r.tables(), r.rows(), r.writeSeconds());
        r.tableSeconds().forEach((table, seconds) -> out.printf(Locale.ROOT, "insert_seconds.%s=%.3f%n", table, seconds));
        return 0;
    }
}
