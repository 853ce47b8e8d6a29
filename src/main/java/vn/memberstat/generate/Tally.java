package vn.memberstat.generate;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of what one worker wrote, added up at the end for the summary. */
final class Tally {
    long monthlyFiles;
    long corrections;
    long dataFiles;
    long values;
    long bytes;
    YearMonth lastMonth;
    final long[] spoiled = new long[Blunders.Kind.values().length];

    void count(SubmissionWriter.Content content, Blunders blunders) {
        dataFiles++;
        values += content.values();
        bytes += content.bytes().length;
        if (blunders != null) {
            spoil(blunders);
        }
    }

    void spoil(Blunders blunders) {
        for (Blunders.Kind kind : Blunders.Kind.values()) {
            spoiled[kind.ordinal()] += blunders.count(kind);
        }
    }

    void reached(YearMonth month) {
        if (lastMonth == null || month.isAfter(lastMonth)) {
            lastMonth = month;
        }
    }

    void add(Tally other) {
        if (other.lastMonth != null) {
            reached(other.lastMonth);
        }
        monthlyFiles += other.monthlyFiles;
        corrections += other.corrections;
        dataFiles += other.dataFiles;
        values += other.values;
        bytes += other.bytes;
        for (int i = 0; i < spoiled.length; i++) {
            spoiled[i] += other.spoiled[i];
        }
    }

    Map<String, Long> spoiled() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Blunders.Kind kind : Blunders.Kind.values()) {
            map.put(kind.name(), spoiled[kind.ordinal()]);
        }
        return map;
    }
}
