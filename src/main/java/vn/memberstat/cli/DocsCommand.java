package vn.memberstat.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.docs.DataDictionary;
import vn.memberstat.docs.DictionaryWriter;

/** {@code docs --out DIR}: the data dictionary, from the published warehouse's own comments. */
final class DocsCommand {
    static final String USAGE = """
            usage: memberstat docs --out DIR
            writes DIR/data-dictionary.md and DIR/data-dictionary.html from the published warehouse's comments:
            tables and views with their grain, the star schema as a diagram, and which view reads which table

              --home DIR   the state directory (default $MEMBERSTAT_HOME, else ./data)
              --out DIR    where the two files go
            """;

    private final PrintStream out;

    DocsCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        options.allow("home", "out");
        String dir = options.get("out", null);
        if (dir == null) {
            throw new MemberstatException(ErrorCode.USAGE, "docs needs --out DIR");
        }
        Path warehouse = options.home().resolve("warehouse.duckdb");
        if (!Files.exists(warehouse)) {
            throw new MemberstatException(ErrorCode.NO_WAREHOUSE, "no published warehouse at " + warehouse
                    + "; run 'memberstat nightly' first");
        }
        try (Connection c = SqlCommand.openReadOnly(warehouse)) {
            for (Path written : DictionaryWriter.write(DataDictionary.read(c), Path.of(dir))) {
                out.println(written);
            }
            return 0;
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read " + warehouse + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, "cannot write " + dir + ": " + e.getMessage(), e);
        }
    }
}
