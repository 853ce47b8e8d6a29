package vn.memberstat.duckdb;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a derive or check script over the run's scope one bucket of units at a time, each bucket in its
 * own transaction. A bucket is a range of unit codes (scope/scope.sql): a nightly delta is one bucket; a
 * 10-million-row backfill is split so that no statement holds more than about {@code bucketRows} values
 * (memberstat.bucket-rows). The scripts replace what they compute, so a step interrupted between buckets
 * is simply run again.
 */
public final class ScopedScript {
    private ScopedScript() {}

    public static void run(WorkingWarehouse warehouse, String runId, long bucketRows, SqlScript script) {
        run(warehouse, runId, bucketRows, null, List.of(script));
    }

    /**
     * As above, with {@code prologue} run once after scope/scope.sql, for what all buckets share, and
     * {@code scripts} run in order in each bucket.
     */
    public static void run(WorkingWarehouse warehouse, String runId, long bucketRows, SqlScript prologue,
            List<SqlScript> scripts) {
        SqlScript scope = SqlScript.of("scope/scope.sql");
        SqlScript scopeBucket = SqlScript.of("scope/scope_bucket.sql");
        long[] buckets = new long[1];
        warehouse.inTransaction(runId, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("set variable bucket_rows = " + Math.max(1, bucketRows));
            }
            scope.execute(c);
            if (prologue != null) {
                prologue.execute(c);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from scope_bucket_range")) {
                rs.next();
                buckets[0] = rs.getLong(1);
            }
        });
        for (long b = 0; b < buckets[0]; b++) {
            long bucket = b;
            warehouse.inTransaction(runId, c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("set variable bucket = " + bucket);
                }
                scopeBucket.execute(c);
                for (SqlScript script : scripts) {
                    script.execute(c);
                }
            });
        }
    }
}
