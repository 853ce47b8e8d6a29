package vn.memberstat.generate;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Map;

/**
 * What a generation wrote, to compare with what the nightly run reports: it should read
 * {@code registryRows + values} rows and quarantine exactly {@code spoiledValues()} of them.
 *
 * @param grassroots grassroots organisations in the registry
 * @param monthlyFiles one per organisation and month (0 for a backfill)
 * @param correctionFiles late corrections re-sending a month
 * @param dataFiles every file with values: monthly files and corrections, or the one backfill file
 * @param values data values: long-layout lines and non-empty report-form cells (registry rows not counted)
 * @param spoiled spoiled values by the reason they will be quarantined for
 * @param bytes bytes written, the registry included
 * @param lastMonth the last month any value was written for (a backfill may stop before the last month asked for)
 */
public record GenerationSummary(
        int grassroots,
        int registryRows,
        long monthlyFiles,
        long correctionFiles,
        long dataFiles,
        long values,
        Map<String, Long> spoiled,
        long bytes,
        YearMonth lastMonth) {

    public GenerationSummary {
        spoiled = Map.copyOf(spoiled);
        requireNonNull(lastMonth, "lastMonth is null");
    }

    public long spoiledValues() {
        return spoiled.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every file the inbox holds: the data files and the registry. */
    public long files() {
        return dataFiles + 1;
    }

    /** The rows a nightly run over the whole output reads: registry rows and data values. */
    public long rowsToRead() {
        return registryRows + values;
    }
}
