package vn.memberstat.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.query;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The schema explains itself: every table, view and column of the published warehouse has a comment in Vietnamese and
 * English (a view added later without one fails here), and {@code docs --out} writes the data dictionary from them.
 */
final class SchemaDocsTest {
    @TempDir
    static Path temp;
    private static Path home;

    @BeforeAll
    static void runNightly() {
        Path inbox = temp.resolve("inbox");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + "HN,Thành ủy Hà Nội,,1,city,1930-03-17,,\n");
        Memberstat.write(inbox, "2024.csv", Memberstat.LONG_HEADER + "HN,2024,admitted,total,50,\n");
        home = temp.resolve("home");
        Memberstat.Result r = Memberstat.nightly(home, inbox, "2025-01-31");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void everyPublishedTableViewAndColumnHasABilingualComment() {
        assertThat(query(home, """
                select table_name from duckdb_tables() where schema_name = 'main' and (comment is null or comment not like '%/%')
                union all
                select view_name from duckdb_views() where schema_name = 'main' and not internal and (comment is null or comment not like '%/%')
                """)).as("tables and views without a comment").isEmpty();
        assertThat(query(home, """
                select table_name || '.' || column_name as c from duckdb_columns()
                where schema_name = 'main' and not internal and (comment is null or comment not like '%/%') order by 1
                """)).as("columns without a comment").isEmpty();
        assertThat(query(home, "select comment from duckdb_views() where view_name = 'v_monthly_trend'").get(0).get("comment").toString())
                .contains("grain: one row per unit, indicator, category, year and month").contains("cùng kỳ năm trước");
    }

    @Test
    void docsWritesTheDataDictionary() throws Exception {
        Path out = temp.resolve("dictionary");
        Memberstat.Result r = Memberstat.run("docs", "--home", home.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String md = Files.readString(out.resolve("data-dictionary.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("erDiagram").contains("dim_unit ||--o{ fct_flow_ytd : unit_code")
                .contains("| [v_admission_projection](#v_admission_projection) | view | Dự báo số kết nạp cả năm")
                .contains("Reads: fct_flow_ytd, v_admission_attainment");
        String html = Files.readString(out.resolve("data-dictionary.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<pre>").contains("fct_value").doesNotContain("http://").doesNotContain("https://");
        assertThat(Memberstat.run("docs", "--home", home.toString()).exitCode()).isEqualTo(2);
    }
}
