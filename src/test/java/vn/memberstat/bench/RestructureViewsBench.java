package vn.memberstat.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import vn.memberstat.duckdb.SqlScript;

/**
 * The time of the restated and rolled-up admission views for all units of one year, against
 * v_admission_attainment in the same run: {@code RestructureViewsBench FILE YEAR [REPS]}. FILE is a copy of a
 * published warehouse (bench/restructure-views makes one): it is brought to this version's schema (the migrations,
 * then the unit history a load would rebuild), then each view is queried read-only REPS times, in turns, so the
 * three share the machine's moments alike. Prints each run and the medians as key=value lines.
 */
public final class RestructureViewsBench {
    private static final List<String> VIEWS = List.of("v_admission_attainment", "v_admission_attainment_restated", "v_admission_rollup");

    private RestructureViewsBench() {}

    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            System.err.println("usage: RestructureViewsBench FILE YEAR [REPS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        int year = Integer.parseInt(args[1]);
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        upgrade(file);
        Map<String, List<QueryTimer.Run>> runs = new LinkedHashMap<>();
        VIEWS.forEach(v -> runs.put(v, new ArrayList<>()));
        for (int i = 0; i < reps; i++) {
            for (String view : VIEWS) {
                runs.get(view).addAll(QueryTimer.time(file, "select * from " + view + " where year = " + year, 1));
            }
        }
        for (String view : VIEWS) {
            List<QueryTimer.Run> r = runs.get(view);
            System.out.printf(Locale.ROOT, "%s_ms=%s%n", view, r.stream().map(x -> String.format(Locale.ROOT, "%.0f", x.millis())).toList());
            System.out.printf(Locale.ROOT, "%s_rows=%d%n%s_median_ms=%.1f%n", view, r.get(0).rows(), view, QueryTimer.medianMillis(r));
        }
    }

    /** The migrations of this version, then the unit history the next load would rebuild (load/unit_history.sql). */
    private static void upgrade(Path file) throws SQLException {
        Flyway.configure()
                .dataSource("jdbc:duckdb:" + file, null, null)
                .driver("org.duckdb.DuckDBDriver")
                .locations("classpath:warehouse-sql/migrations")
                .schemas("main")
                .ignoreMigrationPatterns("*:future", "repeatable:missing")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            SqlScript.of("load/unit_history.sql").execute(c);
            c.createStatement().execute("checkpoint");
        }
    }
}
