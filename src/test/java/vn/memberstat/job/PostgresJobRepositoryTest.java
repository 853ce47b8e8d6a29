package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * The job repository on a PostgreSQL server ({@code memberstat.job-repository-url}): a nightly run, a failed one and
 * its restart, recorded there and not in the home. The server comes from JOB_REPOSITORY_TEST_URL, _USER and
 * _PASSWORD (.ci/postgres sets one up); each test works in a schema of its own, dropped afterwards.
 */
final class PostgresJobRepositoryTest {
    @TempDir
    Path temp;
    private String schema;

    @Test
    void aNightlyRunAFailureAndItsRestartAreRecordedInPostgres() throws SQLException {
        List<String> settings = settings(createSchema());
        Path inbox = Memberstat.copySample(temp.resolve("inbox"));
        Path home = temp.resolve("home");

        Memberstat.Result first = Memberstat.nightly(home, inbox, "2026-06-29", settings.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("COMPLETED").contains("read 364 = loaded 349 + quarantined 14 + duplicate 1");

        Memberstat.write(inbox, "2026/late.csv", Memberstat.LONG_HEADER + "HN.P-TX,2026-05,admitted,,9,\n");
        Memberstat.Result failed = Memberstat.nightly(home, inbox, "2026-06-30", with(settings, "--memberstat.fail-at=load"));
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("failure injected at stage load");
        assertThat(Memberstat.run(with(settings, "status", "--home", home.toString())).out())
                .as("status reads the failed step's error back from PostgreSQL")
                .contains(" FAILED (failure injected at stage load (memberstat.fail-at))");

        Memberstat.Result restarted = Memberstat.nightly(home, inbox, "2026-06-30", settings.toArray(String[]::new));
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("COMPLETED").contains("(restarted)")
                .contains("read 1 = loaded 1 + quarantined 0 + duplicate 0");
        assertThat(Memberstat.count(home, "select * from dim_submission")).isEqualTo(57);

        assertThat(executions()).containsExactly("2026-06-29 COMPLETED", "2026-06-30 FAILED", "2026-06-30 COMPLETED");
        assertThat(home.resolve("jobrepo").resolve("batch.mv.db")).as("no H2 repository beside it").doesNotExist();
        Memberstat.Result status = Memberstat.run(with(settings, "status", "--home", home.toString(), "--json"));
        assertThat(status.out()).contains("\"run_date\" : \"2026-06-30\"").contains("\"attempts\" : 2");
    }

    @Test
    void aSchemaThatDoesNotExistIsNamed() {
        List<String> settings = settings(server().url() + separator(server().url()) + "currentSchema=no_such_schema_here");
        Memberstat.Result result = Memberstat.nightly(temp.resolve("home"), Memberstat.copySample(temp.resolve("inbox")),
                "2026-06-29", settings.toArray(String[]::new));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("has no schema to use: create the schema named by currentSchema");
    }

    @Test
    void aDatabaseOtherThanPostgresIsRefusedBeforeTheRun() {
        Memberstat.Result result = Memberstat.nightly(temp.resolve("home"), temp.resolve("inbox"), "2026-06-29",
                "--memberstat.job-repository-url=jdbc:mysql://localhost/batch");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("memberstat.job-repository-url is 'jdbc:mysql://localhost/batch': give a PostgreSQL URL");
    }

    @Test
    void aServerThatDoesNotAnswerStopsTheRunWithItsCause() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        // port 9 (discard) on the loopback: nothing listens there
        Memberstat.Result result = Memberstat.nightly(temp.resolve("home"), inbox, "2026-06-29",
                "--memberstat.job-repository-url=jdbc:postgresql://127.0.0.1:9/memberstat?connectTimeout=5");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("memberstat: cannot connect to the job repository jdbc:postgresql://127.0.0.1:9/memberstat: "
                + "Connection to 127.0.0.1:9 refused").doesNotContain("connectTimeout");
    }

    @Test
    void aWrongPasswordIsNamedAndNotShown() {
        List<String> settings = List.of("--memberstat.job-repository-url=" + server().url(),
                "--memberstat.job-repository-user=" + server().user(), "--memberstat.job-repository-password=not-the-password");
        Memberstat.Result result = Memberstat.nightly(temp.resolve("home"), Memberstat.copySample(temp.resolve("inbox")),
                "2026-06-29", settings.toArray(String[]::new));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("memberstat: cannot connect to the job repository " + server().url())
                .contains("password authentication failed for user \"" + server().user() + "\"").doesNotContain("not-the-password");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** The test server's URL, user and password. Under CI its absence is a failure, elsewhere a reason to skip. */
    private record Server(String url, String user, String password) {}

    private static Server server() {
        String url = System.getenv("JOB_REPOSITORY_TEST_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("JOB_REPOSITORY_TEST_URL is not set: CI must test the PostgreSQL job repository (.ci/postgres sets one up)");
            }
            assumeTrue(false, "no PostgreSQL to test against: set JOB_REPOSITORY_TEST_URL, _USER and _PASSWORD (bash .ci/postgres prints them)");
        }
        return new Server(url, System.getenv("JOB_REPOSITORY_TEST_USER"), System.getenv("JOB_REPOSITORY_TEST_PASSWORD"));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server().url(), server().user(), server().password());
    }

    /** A schema of this test's own; the URL that makes it the repository's. */
    private String createSchema() {
        String name = "memberstat_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create schema " + name);
        } catch (SQLException e) {
            throw new AssertionError("cannot create a schema on " + server().url() + ": " + e.getMessage(), e);
        }
        schema = name;
        return server().url() + separator(server().url()) + "currentSchema=" + name;
    }

    private static String separator(String url) {
        return url.contains("?") ? "&" : "?";
    }

    private static List<String> settings(String url) {
        return List.of("--memberstat.job-repository-url=" + url, "--memberstat.job-repository-user=" + server().user(),
                "--memberstat.job-repository-password=" + server().password());
    }

    private static String[] with(List<String> settings, String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(settings);
        return all.toArray(String[]::new);
    }

    /** Each execution of the nightly job in the test's schema, in order: run date and status. */
    private List<String> executions() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select p.parameter_value, e.status from " + schema + ".batch_job_execution e join "
                        + schema + ".batch_job_execution_params p on p.job_execution_id = e.job_execution_id"
                        + " where p.parameter_name = 'runDate' order by e.job_execution_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
