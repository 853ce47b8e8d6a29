package vn.memberstat.bench;

import java.io.PrintStream;
import vn.memberstat.cli.Options;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * The benchmark's helper commands, run by bench/run from the test classes: they are no part of the application
 * or its usage text. {@code bench-duckdb-csv}, {@code bench-query}, {@code bench-compact} and {@code bench-write-floor}
 * (see {@link BenchCommands}).
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            BenchCommands commands = new BenchCommands(out);
            return switch (options.command()) {
                case "bench-duckdb-csv" -> commands.duckdbCsv(options);
                case "bench-query" -> commands.query(options);
                case "bench-compact" -> commands.compact(options);
                case "bench-write-floor" -> commands.writeFloor(options);
                default -> throw new MemberstatException(ErrorCode.USAGE, "unknown benchmark command '" + options.command()
                        + "' (bench-duckdb-csv, bench-query, bench-compact, bench-write-floor)");
            };
        } catch (MemberstatException e) {
            err.println("bench: " + e.getMessage());
            return e.code().exitCode();
        }
    }
}
