package vn.memberstat.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a step file, or what the sql command is given, splits into statements: at each ; DuckDB would read as the end of one. */
final class SqlScriptTest {
    @Test
    void aStepFileEndsItsStatementsAtSemicolonsOutsideQuotesAndComments() {
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
                "-- a leading comment; it ends with one too;\ncreate table a (x integer);",
                "-- a comment between statements, with a semicolon at its end;\ninsert into a\n"
                        + "-- a comment inside a statement; ending so;\nselect 1;",
                "insert into a select 2;",
                "-- a comment after the statement; it ends there\nselect '--; not a comment', 'it''s';",
                "select * from a");
    }

    @Test
    void cutsAtEachSemicolonAndKeepsWhatFollowsTheLast() {
        SqlScript.Split script = SqlScript.split("select 1; select 2;\nselect 3");
        assertThat(script.statements()).containsExactly("select 1;", " select 2;");
        assertThat(script.rest()).isEqualTo("\nselect 3");
    }

    @Test
    void aSemicolonInsideQuotesOrCommentsIsNoCut() {
        String text = "select 'a;b', 'it''s; here' as \"x;y\"; -- a comment; still\nselect /* ; */ $$c;d$$, $t$e;f$t$;";
        assertThat(SqlScript.split(text).statements())
                .containsExactly("select 'a;b', 'it''s; here' as \"x;y\";", " -- a comment; still\nselect /* ; */ $$c;d$$, $t$e;f$t$;");
        assertThat(SqlScript.split(text).rest()).isEmpty();
    }

    @Test
    void anUnclosedQuoteHoldsTheRestUntilMoreTextComes() {
        SqlScript.Split open = SqlScript.split("select 'a;\n");
        assertThat(open.statements()).isEmpty();
        assertThat(SqlScript.split(open.rest() + "b';").statements()).containsExactly("select 'a;\nb';");
    }

    @Test
    void aPositionalParameterIsNoDollarQuote() {
        assertThat(SqlScript.split("select $1; select 2;").statements()).containsExactly("select $1;", " select 2;");
    }

    @Test
    void statementsOfNothingButBlanksAndCommentsAreDropped() {
        assertThat(SqlScript.split(";; -- nothing\n; /* nor this */ ;select 1;").statements()).containsExactly("select 1;");
        assertThat(SqlScript.isEmpty(" -- a note\n")).isTrue();
        assertThat(SqlScript.isEmpty(" -- a note\nselect 1")).isFalse();
    }
}
