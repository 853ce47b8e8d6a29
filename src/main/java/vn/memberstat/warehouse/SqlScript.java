package vn.memberstat.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * A SQL file of {@code warehouse-sql/steps/}: statements end with a semicolon at the end of a line's code (a
 * comment may follow it; a semicolon inside a comment ends nothing).
 * Executed in order on one connection; a failing statement is reported with its file and text.
 */
public record SqlScript(String name, List<String> statements) {
    public SqlScript {
        statements = List.copyOf(statements);
    }

    /** A file's absolute path as a SQL string literal, for DuckDB's read and attach functions. */
    public static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    public static SqlScript step(String name) {
        String resource = "warehouse-sql/steps/" + name;
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL step missing from the class path: " + resource);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static SqlScript parse(String name, String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") && current.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (code(line).strip().endsWith(";")) {   // a comment may end a sentence with one
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return new SqlScript(name, statements);
    }

    /** The line without the comment that ends it: from the first {@code --} outside a string literal. */
    private static String code(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                return line.substring(0, i);
            }
        }
        return line;
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
