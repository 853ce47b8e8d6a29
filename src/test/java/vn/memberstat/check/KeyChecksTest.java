package vn.memberstat.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The key checks find exactly the keys held twice, whether their (indicator, category) pair is in the catalogue or
 * not, and nothing where every key is held once: run alone on a warehouse, as an analyst would run them.
 */
final class KeyChecksTest {
    @TempDir
    Path temp;

    private Path warehouse;

    @BeforeEach
    void loadAMonth() {
        Path inbox = temp.resolve("inbox");
        Path home = temp.resolve("home");
        Memberstat.write(inbox, "registry.csv", Memberstat.REGISTRY_HEADER + """
                HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
                HN.A,Quận ủy Ba Đình,HN,2,urban_district,1997-01-01,,
                HN.B,Quận ủy Hoàn Kiếm,HN,2,urban_district,1997-01-01,,
                """);
        Memberstat.write(inbox, "2024-05.csv", Memberstat.LONG_HEADER + """
                HN.A,2024-01..2024-05,admitted,total,5,
                HN.A,2024-01..2024-05,admitted,university_student,2,
                HN.A,2024-05,members,total,120,
                HN.B,2024-05,admitted,total,3,
                HN.B,2024-05,members,total,80,
                """);
        assertThat(Memberstat.nightly(home, inbox, "2024-06-05").exitCode()).isZero();
        warehouse = home.resolve("work/warehouse.duckdb");
    }

    @Test
    void aWarehouseWithEveryKeyOnceHasNoRows() throws Exception {
        assertThat(check("unique_fct_value_key")).isEmpty();
        assertThat(check("unique_derived_keys")).isEmpty();
    }

    @Test
    void aCurrentValueHeldTwiceIsFoundAndOnlyIt() throws Exception {
        execute("insert into fct_reported_value select * replace (line_number + 100 as line_number, 6 as value)"
                + " from fct_reported_value where unit_code = 'HN.A' and indicator_code = 'admitted' and category_code = 'university_student'");

        assertThat(check("unique_fct_value_key")).containsExactly("HN.A 2024 2024-01..2024-05 admitted university_student 2");
    }

    @Test
    void aPairTheCatalogueLacksIsFoundHeldTwiceAndLeftAloneHeldOnce() throws Exception {
        // rows no catalogue pair describes set no bit: their unit and period are grouped by the whole key
        execute("insert into fct_reported_value select * replace (line_number + 100 as line_number, 'unknown_indicator' as"
                + " indicator_code) from fct_reported_value where unit_code = 'HN.B' and indicator_code = 'admitted'");
        assertThat(check("unique_fct_value_key")).isEmpty();

        execute("insert into fct_reported_value select * replace (line_number + 200 as line_number, 'unknown_indicator' as"
                + " indicator_code) from fct_reported_value where unit_code = 'HN.B' and indicator_code = 'admitted'");
        assertThat(check("unique_fct_value_key")).containsExactly("HN.B 2024 2024-05 unknown_indicator total 2");
    }

    @Test
    void aDerivedRowHeldTwiceIsFoundInEachFact() throws Exception {
        execute("insert into fct_flow_month select * from fct_flow_month where unit_code = 'HN.B' and indicator_code = 'admitted'");
        execute("insert into fct_stock select * from fct_stock where unit_code = 'HN.A' and indicator_code = 'members'");
        execute("insert into fct_flow_ytd select * from fct_flow_ytd where unit_code = 'HN.A' and category_code = 'university_student'");

        assertThat(check("unique_derived_keys")).containsExactlyInAnyOrder(
                "fct_flow_ytd HN.A 2024 admitted university_student 5 2",
                "fct_flow_month HN.B 2024 admitted total 5 2",
                "fct_stock HN.A 2024 members total 5 2");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The rows of {@code warehouse-sql/checks/NAME.sql}, its columns joined by spaces. */
    private List<String> check(String name) throws Exception {
        String sql = Files.readString(Path.of("warehouse-sql/checks/" + name + ".sql"));
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }
}
