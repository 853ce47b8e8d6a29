package vn.memberstat.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * A SQL file of {@code warehouse-sql/} (on the class path): statements end with a semicolon outside quotes and
 * comments. Executed in order on one connection; a failing statement is reported with its file and text.
 */
public record SqlScript(String name, List<String> statements) {
    public SqlScript {
        statements = List.copyOf(statements);
    }

    /** A file's absolute path as a SQL string literal, for DuckDB's read and attach functions. */
    public static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static final String ROOT = "warehouse-sql/";

    /** The file {@code warehouse-sql/<path>}, such as {@code load/load.sql}. */
    public static SqlScript of(String path) {
        Resource file = new ClassPathResource(ROOT + path, SqlScript.class.getClassLoader());
        if (!file.exists()) {
            throw new IllegalStateException("SQL file missing from the class path: " + ROOT + path);
        }
        return read(path, file);
    }

    /**
     * Every {@code .sql} file of the folder {@code warehouse-sql/<folder>}, in the order of their names: a prefix
     * such as {@code 01_} sets the order they run in.
     */
    public static List<SqlScript> folder(String folder) {
        String pattern = "classpath:" + ROOT + folder + "/*.sql";
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(SqlScript.class.getClassLoader()).getResources(pattern);
            if (files.length == 0) {
                throw new IllegalStateException("no SQL file in the class path's " + ROOT + folder);
            }
            return Arrays.stream(files)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .map(file -> read(folder + "/" + file.getFilename(), file))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pattern, e);
        }
    }

    private static SqlScript read(String name, Resource file) {
        try (InputStream in = file.getInputStream()) {
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + name, e);
        }
    }

    /** The one statement of a script that is a single query, to be run for its rows. */
    public String query() {
        if (statements.size() != 1) {
            throw new IllegalStateException(name + " holds " + statements.size() + " statements, not one query");
        }
        return statements.get(0);
    }

    static SqlScript parse(String name, String text) {
        Split split = split(text);
        List<String> statements = new ArrayList<>();
        split.statements().forEach(statement -> statements.add(statement.strip()));
        if (!isEmpty(split.rest())) {
            statements.add(split.rest().strip());
        }
        return new SqlScript(name, statements);
    }

    /**
     * SQL text cut at each {@code ;} outside quotes, quoted identifiers, dollar quotes and comments: the complete
     * statements (each with its {@code ;}; none of only blanks and comments), and what follows the last of them.
     * The {@code sql} command needs it too: DuckDB's JDBC driver runs "select 1; select 2" whole and returns the
     * last result only.
     */
    public record Split(List<String> statements, String rest) {}

    public static Split split(String text) {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '\'' || ch == '"') {
                i = closing(text, i + 1, String.valueOf(ch));   // a doubled quote closes and reopens: same cut
            } else if (ch == '-' && text.startsWith("--", i)) {
                i = closing(text, i + 2, "\n");
            } else if (ch == '/' && text.startsWith("/*", i)) {
                i = closing(text, i + 2, "*/");
            } else if (ch == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                i = closing(text, i + tag.length(), tag);
            } else {
                if (ch == ';') {
                    String statement = text.substring(start, i + 1);
                    if (!isEmpty(statement)) {
                        statements.add(statement);
                    }
                    start = i + 1;
                }
                i++;
            }
        }
        return new Split(statements, text.substring(start));
    }

    /** Whether a statement holds nothing but blanks, comments and its {@code ;}. */
    public static boolean isEmpty(String statement) {
        String s = statement.strip();
        while (!s.isEmpty()) {
            if (s.startsWith(";")) {
                s = s.substring(1).strip();
            } else if (s.startsWith("--")) {
                int end = s.indexOf('\n');
                s = end < 0 ? "" : s.substring(end + 1).strip();
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/", 2);
                s = end < 0 ? "" : s.substring(end + 2).strip();
            } else {
                return false;
            }
        }
        return true;
    }

    /** The index after {@code close}, searched from {@code from}; the text's end when it is not closed yet. */
    private static int closing(String text, int from, String close) {
        int end = text.indexOf(close, from);
        return end < 0 ? text.length() : end + close.length();
    }

    /** {@code $$} or {@code $tag$} opening at {@code i}, else null (a positional parameter such as {@code $1}). */
    private static String dollarTag(String text, int i) {
        int j = i + 1;
        while (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '_'
                || (j > i + 1 && Character.isDigit(text.charAt(j))))) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '$' ? text.substring(i, j + 1) : null;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqlScript.class);

    private static String firstLine(String sql) {
        return sql.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("--")).findFirst().orElse("").strip();
    }

    public void execute(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    long started = System.nanoTime();
                    statement.execute(sql);
                    LOG.info("{} {} ms: {}", name, (System.nanoTime() - started) / 1_000_000, firstLine(sql));
                } catch (SQLException e) {
                    throw new MemberstatException(ErrorCode.STORAGE, "step SQL " + name + " failed: " + e.getMessage()
                            + "\n--- statement ---\n" + sql, e);
                }
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot run step SQL " + name + ": " + e.getMessage(), e);
        }
    }
}
