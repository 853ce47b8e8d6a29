package vn.memberstat.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.support.Memberstat;

/**
 * What the pull step takes from an inbox and what it leaves alone: symbolic links that lead out of
 * the inbox are never read, links inside it are, and a file still being written waits for a later run.
 */
final class InboxSafetyTest {
    private static final String REGISTRY = """
            unit_code,unit_name,parent_code,level,unit_type,valid_from,valid_to,successor_code
            HN,Thành ủy Hà Nội,,1,city,1930-03-17,,
            HN.TX,Quận ủy Thanh Xuân,HN,2,urban_district,1997-01-01,2025-06-30,HN.P-TX
            """;
    @TempDir
    static Path temp;
    private static Path inbox;
    private static Path outside;
    private static Path home;
    private static Memberstat.Result result;

    @BeforeAll
    static void runNightlyOnAnInboxWithLinks() throws IOException {
        inbox = temp.resolve("inbox");
        outside = temp.resolve("outside");
        Memberstat.write(inbox, "registry.csv", REGISTRY);
        Memberstat.write(outside, "secret.csv", Memberstat.LONG_HEADER + "HN.TX,2024-01,admitted,total,701,ngoài hộp thư\n");
        Files.createSymbolicLink(inbox.resolve("escape.csv"), outside.resolve("secret.csv"));
        Files.createDirectories(inbox.resolve("nested"));
        Files.createSymbolicLink(inbox.resolve("nested/escape-relative.csv"), Path.of("../../outside/secret.csv"));
        Files.createSymbolicLink(inbox.resolve("elsewhere"), outside);
        // inside: a link to a file that is not itself a *.csv, a second name for a CSV, a link to a directory
        Memberstat.write(inbox, "staging/report.txt", Memberstat.LONG_HEADER + "HN.TX,2024-02,admitted,total,702,\n");
        Files.createSymbolicLink(inbox.resolve("report.csv"), Path.of("staging/report.txt"));
        Memberstat.write(inbox, "data/real.csv", Memberstat.LONG_HEADER + "HN.TX,2024-03,admitted,total,703,\n");
        Files.createSymbolicLink(inbox.resolve("alias.csv"), inbox.resolve("data/real.csv"));
        Files.createSymbolicLink(inbox.resolve("mirror"), inbox.resolve("data"));
        Files.createSymbolicLink(inbox.resolve("dangling.csv"), inbox.resolve("gone.csv"));
        home = temp.resolve("home");
        result = Memberstat.nightly(home, inbox, "2026-06-30");
    }

    @Test
    void aLinkToAFileOutsideTheInboxIsRefusedAndNeverRead() throws IOException {
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path secret = outside.resolve("secret.csv").toRealPath();
        assertThat(result.out())
                .contains("note     refused escape.csv: symbolic link to " + secret + " outside the inbox; not read")
                .contains("note     refused nested/escape-relative.csv: symbolic link to " + secret + " outside the inbox; not read")
                .contains("note     refused elsewhere: symbolic link to the directory " + outside.toRealPath()
                        + " outside the inbox; not read");
        assertThat(count(home, "select * from dim_submission where sha256 = '" + sha256(secret) + "'"))
                .as("its content was never hashed, so never read").isZero();
        assertThat(count(home, "select * from fct_reported_value where value = 701")).isZero();
        assertThat(count(home, "select * from dim_submission where file_path like '%escape%' and rows_loaded > 0")).isZero();
    }

    @Test
    void aLinkInsideTheInboxIsRead() {
        assertThat(one(home, "select * from dim_submission where file_path = 'report.csv'"))
                .containsEntry("rows_read", 1L).containsEntry("rows_loaded", 1L).containsEntry("refused_reason", null);
        assertThat(one(home, "select unit_code, period, value from fct_value where value = 702"))
                .containsEntry("unit_code", "HN.TX").containsEntry("period", "2024-02");
    }

    @Test
    void aFileReachedByTwoNamesIsTakenOnce() {
        assertThat(query(home, "select file_path from dim_submission where rows_loaded > 0 and file_path <> 'registry.csv' order by 1"))
                .extracting(r -> r.get("file_path")).containsExactly("alias.csv", "report.csv");
        assertThat(count(home, "select * from fct_reported_value where value = 703")).isEqualTo(1);
        assertThat(result.out()).contains("note     skipped data/real.csv: same content as alias.csv, taken once")
                .contains("note     skipped mirror: symbolic link to the directory ")
                .contains(" inside the inbox, whose files are read where they are");
    }

    @Test
    void aDanglingLinkIsSkippedWithANote() {
        assertThat(result.out()).contains("note     skipped dangling.csv: symbolic link to a file that does not exist");
        assertThat(count(home, "select * from dim_submission where file_path = 'dangling.csv'")).isZero();
    }

    @Test
    void aFileStillBeingWrittenIsLeftForALaterRun(@TempDir Path dir) throws IOException {
        Path settleInbox = dir.resolve("inbox");
        Path settleHome = dir.resolve("home");
        Memberstat.write(settleInbox, "registry.csv", REGISTRY);
        Path fresh = Memberstat.write(settleInbox, "2024/fresh.csv", Memberstat.LONG_HEADER + "HN.TX,2024-04,admitted,total,704,\n");
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now()));

        Memberstat.Result first = Memberstat.nightly(settleHome, settleInbox, "2026-06-29", "--memberstat.settle-seconds=600");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("note     left 2024/fresh.csv for the next run: modified ")
                .contains("less than 600 s ago (memberstat.settle-seconds)");
        assertThat(query(settleHome, "select file_path from dim_submission")).extracting(r -> r.get("file_path"))
                .containsExactly("registry.csv");

        // the writer finished twenty minutes ago
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now().minusSeconds(1200)));
        Memberstat.Result second = Memberstat.nightly(settleHome, settleInbox, "2026-06-30", "--memberstat.settle-seconds=600");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain("left 2024/fresh.csv");
        assertThat(one(settleHome, "select run_id, rows_loaded from dim_submission where file_path = '2024/fresh.csv'"))
                .containsEntry("run_id", "2026-06-30").containsEntry("rows_loaded", 1L);
        assertThat(count(settleHome, "select * from fct_value where value = 704")).isEqualTo(1);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
