package vn.memberstat.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.memberstat.common.TextFold;

/** Decides a file's layout from its header row, matching names ignoring case, spaces and diacritics. */
public final class LayoutDetector {
    static final Set<String> REGISTRY_REQUIRED = Set.of("unit_code", "unit_name", "level", "valid_from");
    static final Set<String> LONG_REQUIRED = Set.of("unit_code", "period", "indicator", "value");
    public static final String FORM_UNIT = "ma don vi";
    public static final String FORM_PERIOD = "ky bao cao";

    private LayoutDetector() {}

    public static Optional<Layout> detect(List<String> header) {
        if (header.size() < 2) {
            return Optional.empty();
        }
        Map<String, Integer> columns = columnIndex(header);
        if (columns.keySet().containsAll(REGISTRY_REQUIRED)) {
            return Optional.of(Layout.REGISTRY);
        }
        if (columns.keySet().containsAll(LONG_REQUIRED)) {
            return Optional.of(Layout.LONG);
        }
        if (TextFold.fold(header.get(0)).equals(FORM_UNIT) && TextFold.fold(header.get(1)).equals(FORM_PERIOD)) {
            return Optional.of(Layout.REPORT_FORM);
        }
        return Optional.empty();
    }

    /**
     * Folded column name to its first index; unmodifiable. Remembered per distinct header: a national
     * month is 52,000 files with a handful of headers, and folding them again was a sixth of reading.
     */
    public static Map<String, Integer> columnIndex(List<String> header) {
        Map<String, Integer> known = COLUMN_INDEX.get(header);
        if (known != null) {
            return known;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(TextFold.fold(header.get(i)).replace(' ', '_'), i);
        }
        Map<String, Integer> index = Collections.unmodifiableMap(columns);
        if (COLUMN_INDEX.size() < REMEMBERED_HEADERS) {
            COLUMN_INDEX.putIfAbsent(Collections.unmodifiableList(new ArrayList<>(header)), index);
        }
        return index;
    }

    /** Headers remembered at most: enough for every real variant, bounded against a stream of odd ones. */
    private static final int REMEMBERED_HEADERS = 10_000;
    private static final ConcurrentHashMap<List<String>, Map<String, Integer>> COLUMN_INDEX = new ConcurrentHashMap<>();
}
