package vn.memberstat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.duckdb.WorkingWarehouse;

/**
 * Rewrites a home's working warehouse into a fresh file, as a build from scratch would have written it.
 * A migration that rebuilds a table (V6) leaves the old table's blocks free inside the file; DuckDB reuses
 * them as the warehouse grows but never gives them back. The benchmark's cached five-year warehouse is
 * compacted once after such a migration, so that case 4 measures the file a new home would have.
 * The published copy and the spare are removed: the next two runs publish the compact file and make a
 * spare of it again.
 */
public final class Compaction {
    private Compaction() {}

    /** Returns the working file's size before and after. */
    public static long[] run(Path home) {
        Path working = home.resolve("work").resolve("warehouse.duckdb");
        Path compact = working.resolveSibling("warehouse.compact.duckdb");
        if (!Files.isRegularFile(working)) {
            throw new MemberstatException(ErrorCode.USAGE, "no working warehouse at " + working);
        }
        try {
            long before = Files.size(working);
            Files.deleteIfExists(compact);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + working.toAbsolutePath());
                    Statement s = c.createStatement()) {
                s.execute("attach " + SqlScript.literal(compact) + " as compact (storage_version '" + WorkingWarehouse.STORAGE_VERSION + "')");
                s.execute("copy from database warehouse to compact");
                s.execute("detach compact");
            }
            Files.move(compact, working, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            for (String published : new String[] {"warehouse.duckdb", ".warehouse.duckdb.blocks", ".warehouse.duckdb.spare",
                    ".warehouse.duckdb.spare.blocks"}) {
                Files.deleteIfExists(home.resolve(published));
            }
            return new long[] {before, Files.size(working)};
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot compact " + working + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot replace " + working + ": " + e.getMessage(), e);
        }
    }
}
