package vn.memberstat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;

/**
 * {@code sql}: a query against the published warehouse, opened read-only so nothing can change it.
 * Without a query it reads statements ending in {@code ;} from standard input.
 */
final class SqlCommand {
    static final String USAGE = """
            usage: memberstat sql [options] [QUERY]
            query the published warehouse, read-only; without QUERY, statements ending in ; from standard input

              --home DIR               the state directory (default $MEMBERSTAT_HOME, else ./data)
              --file FILE              run the statements of FILE (such as warehouse-sql/queries/NAME.sql)
              --format table|csv|json  how results print (default table)
            at the prompt: .tables, .schema [NAME], .help; .quit or Ctrl-D leaves
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    SqlCommand(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    int run(Options options) {
        options.allow("home", "format", "file");
        String format = options.get("format", "table");
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new MemberstatException(ErrorCode.USAGE, "--format must be table, csv or json, not '" + format + "'");
        }
        Path warehouse = options.home().resolve("warehouse.duckdb");
        if (!Files.exists(warehouse)) {
            throw new MemberstatException(ErrorCode.NO_WAREHOUSE, "no published warehouse at " + warehouse
                    + "; run 'memberstat nightly' first");
        }
        String file = options.get("file", null);
        String fileText = file == null ? null : readQueryFile(Path.of(file));
        try (Connection c = openReadOnly(warehouse)) {
            if (fileText != null) {
                return executeScript(c, fileText, format) ? 0 : ErrorCode.BAD_QUERY.exitCode();
            }
            if (!options.words().isEmpty()) {
                return executeScript(c, String.join(" ", options.words()), format) ? 0 : ErrorCode.BAD_QUERY.exitCode();
            }
            return prompt(c, format);
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot open " + warehouse + ": " + e.getMessage(), e);
        }
    }

    private static String readQueryFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.USAGE, "cannot read --file " + file + ": " + e.getMessage(), e);
        }
    }

    static Connection openReadOnly(Path warehouse) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        // rows fetched as they are printed: a year of values as CSV is 25 million rows, more than memory holds
        p.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        return DriverManager.getConnection("jdbc:duckdb:" + warehouse, p);
    }

    private int prompt(Connection c, String format) {
        boolean interactive = System.console() != null;
        boolean allOk = true;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder statement = new StringBuilder();
        try {
            if (interactive) {
                out.print("memberstat> ");
                out.flush();
            }
            String line;
            while ((line = reader.readLine()) != null) {
                statement.append(line).append('\n');
                SqlScript.Split script = SqlScript.split(statement.toString());
                for (String complete : script.statements()) {
                    allOk &= execute(c, complete, format);
                }
                statement.setLength(0);
                String rest = script.rest().strip();
                if (rest.startsWith(".") && !rest.contains("\n")) {
                    // a dot command is whole on its line: kept as the start of a statement, it swallowed the lines after it
                    if (rest.equals(".quit") || rest.equals(".exit")) {
                        break;
                    }
                    allOk &= dotCommand(c, rest, format);
                } else if (!rest.isEmpty()) {
                    statement.append(script.rest());
                }
                if (interactive) {
                    out.print(statement.isEmpty() ? "memberstat> " : "      ...> ");
                    out.flush();
                }
            }
            allOk &= executeScript(c, statement.toString(), format);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read standard input: " + e.getMessage(), e);
        }
        return allOk ? 0 : ErrorCode.BAD_QUERY.exitCode();
    }

    static final String DOT_HELP = """
            .tables          the tables and views of the warehouse, name and kind
            .schema [NAME]   the columns and types of table or view NAME, or of every one
            .help            this list
            .quit or Ctrl-D leaves
            """;

    /** The prompt's own commands; false for one it does not know, or a NAME that is no table or view. */
    private boolean dotCommand(Connection c, String line, String format) {
        String[] words = line.split("\\s+");
        String name = words.length > 1 ? words[1] : null;
        switch (words[0]) {
            case ".help" -> {
                out.print(DOT_HELP);
                return true;
            }
            case ".tables" -> {
                return execute(c, """
                        select table_name as name, case table_type when 'VIEW' then 'view' else 'table' end as kind
                        from information_schema.tables
                        where table_catalog = current_database() and table_schema = current_schema()
                        order by table_name""", format);
            }
            case ".schema" -> {
                String where = "table_catalog = current_database() and table_schema = current_schema()"
                        + (name == null ? "" : " and table_name = '" + name.replace("'", "''") + "'");
                if (name != null && !exists(c, "select 1 from information_schema.tables where " + where)) {
                    err.println("memberstat: no table or view " + name + "; .tables lists them");
                    return false;
                }
                return execute(c, "select table_name, column_name, data_type from information_schema.columns where "
                        + where + " order by table_name, ordinal_position", format);
            }
            default -> {
                err.println("memberstat: unknown command " + words[0] + "; .help lists them");
                return false;
            }
        }
    }

    private boolean exists(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read the warehouse's catalogue: " + e.getMessage(), e);
        }
    }

    /** Each statement of {@code text} in turn, the last one also without its {@code ;}; false if any failed. */
    private boolean executeScript(Connection c, String text, String format) {
        SqlScript.Split script = SqlScript.split(text);
        boolean allOk = true;
        for (String statement : script.statements()) {
            allOk &= execute(c, statement, format);
        }
        if (!SqlScript.isEmpty(script.rest())) {
            allOk &= execute(c, script.rest(), format);
        }
        return allOk;
    }

    private boolean execute(Connection c, String sql, String format) {
        try (Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                out.println("ok");
                return true;
            }
            try (ResultSet rs = s.getResultSet()) {
                new ResultPrinter(out).print(rs, format);
            }
            return true;
        } catch (SQLException e) {
            err.println("memberstat: query failed: " + e.getMessage());
            return false;
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot print the result: " + e.getMessage(), e);
        }
    }
}
