package vn.memberstat.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a step file splits into statements. */
final class SqlScriptTest {
    @Test
    void statementsEndWithASemicolonOnACodeLineNotInAComment() {
        SqlScript script = SqlScript.parse("t.sql", """
                -- a leading comment; it ends with one too;
                create table a (x integer);

                -- a comment between statements, with a semicolon at its end;
                insert into a
                -- a comment inside a statement; ending so;
                select 1;
                insert into a select 2;   -- a comment after the statement; it ends there
                select '--; not a comment', 'it''s';
                select * from a
                """);
        assertThat(script.statements()).containsExactly(
                "create table a (x integer);",
                "-- a comment between statements, with a semicolon at its end;\ninsert into a\n"
                        + "-- a comment inside a statement; ending so;\nselect 1;",
                "insert into a select 2;   -- a comment after the statement; it ends there",
                "select '--; not a comment', 'it''s';",
                "select * from a");
    }
}
