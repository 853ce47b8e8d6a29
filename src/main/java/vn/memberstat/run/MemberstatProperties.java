package vn.memberstat.run;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a run, all with defaults that work out of the box. Every one can be set as
 * {@code --memberstat.x=...}, a system property, or an environment variable ({@code MEMBERSTAT_MAX_FILE_BYTES}; command-line settings win).
 *
 * @param home state directory: published warehouse, lake, job repository, run reports
 * @param inbox where submissions arrive
 * @param maxFileBytes larger files are refused as TOO_LARGE
 * @param maxLineChars longer records are quarantined as LINE_TOO_LONG
 * @param settleSeconds files modified more recently are left for the next run, since they may still be being written
 * @param workers threads reading files; 0 means one per core for parsing, and at least 8 for the pull's
 *     hashing, which waits on the disk more than it computes
 * @param zone the time zone of submission times, for "received by the 5th"
 * @param duckdbMemory DuckDB's memory limit in the nightly process; beyond it DuckDB spills to disk
 * @param bucketRows derive and check work on buckets of units holding about this many values each
 * @param outlierThreshold the modified z-score above which a month's admissions or removals are an OUTLIER finding
 * @param failAt a stage name: the run throws there (for restart tests and drills)
 * @param crashAt a stage name: the process halts there at once, as under kill -9 (for crash tests)
 * @param onFailure a shell command run with the run report's path when a nightly run fails (the nightly command runs it)
 * @param failOnFindings {@code error} or {@code warning}: a completed run with findings of that severity (or worse)
 *     exits 8 (the nightly command reads it)
 * @param warehouseTemplate a migrated empty warehouse file that a new working warehouse starts as, instead of running
 *     every migration; empty for none. The launcher sets one its own preparation made; where it is missing, the next
 *     new warehouse writes it
 */
@ConfigurationProperties("memberstat")
public record MemberstatProperties(
        @DefaultValue("data") Path home,
        @DefaultValue("sample-input") Path inbox,
        @DefaultValue("268435456") long maxFileBytes,
        @DefaultValue("65536") int maxLineChars,
        @DefaultValue("5") long settleSeconds,
        @DefaultValue("0") int workers,
        @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
        @DefaultValue("600MB") String duckdbMemory,
        @DefaultValue("3000000") long bucketRows,
        @DefaultValue("3.5") double outlierThreshold,
        @DefaultValue("") String failAt,
        @DefaultValue("") String crashAt,
        @DefaultValue("") String onFailure,
        @DefaultValue("") String failOnFindings,
        @DefaultValue("") String warehouseTemplate) {

    /** A setting out of range is refused before the run starts, naming the setting, not when a step trips over it. */
    public MemberstatProperties {
        atLeast("max-file-bytes", maxFileBytes, 1);
        atLeast("max-line-chars", maxLineChars, 1);
        atLeast("settle-seconds", settleSeconds, 0);
        atLeast("workers", workers, 0);
        atLeast("bucket-rows", bucketRows, 1);
        if (!(outlierThreshold > 0) || Double.isInfinite(outlierThreshold)) {
            throw new IllegalArgumentException("memberstat.outlier-threshold is " + outlierThreshold + "; it must be a number above 0");
        }
        if (duckdbMemory == null || duckdbMemory.isBlank()) {
            throw new IllegalArgumentException("memberstat.duckdb-memory is empty: give a size such as 600MB or 2GB");
        }
        stageOrEmpty("fail-at", failAt);
        stageOrEmpty("crash-at", crashAt);
        if (failOnFindings != null && !failOnFindings.isEmpty() && !failOnFindings.equals("error") && !failOnFindings.equals("warning")) {
            throw new IllegalArgumentException("memberstat.fail-on-findings is '%s'; it must be error or warning".formatted(failOnFindings));
        }
    }

    private static void atLeast(String name, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException("memberstat.%s is %d; it must be %d or more".formatted(name, value, least));
        }
    }

    private static void stageOrEmpty(String name, String value) {
        if (value != null && !value.isEmpty()
                && Arrays.stream(Stage.values()).noneMatch(s -> s.stepName().equalsIgnoreCase(value))) {
            throw new IllegalArgumentException("memberstat.%s is '%s', which is not a step (%s)".formatted(name, value,
                    Arrays.stream(Stage.values()).map(Stage::stepName).collect(Collectors.joining(", "))));
        }
    }

    /** The template for new warehouses, or null for none. */
    public Path warehouseTemplateFile() {
        return warehouseTemplate == null || warehouseTemplate.isBlank() ? null : Path.of(warehouseTemplate);
    }

    public int workerThreads() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /** Threads reading and hashing the inbox's files: a cold small file costs a disk round trip, and the disk serves several at once. */
    public int hashingThreads() {
        return workers > 0 ? workers : Math.max(8, workerThreads());
    }
}
