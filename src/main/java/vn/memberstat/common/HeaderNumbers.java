package vn.memberstat.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers for the header lines of a run's file lists: a report form's header is 2,000 characters and 175,000
 * files a year share a handful of them, so a list names each by number and a companion file holds each line
 * once. Bounded: beyond {@link #MAX} distinct lines a line is not numbered and stays in its row.
 */
public final class HeaderNumbers {
    public static final int MAX = 10_000;
    private static final List<String> COLUMNS = List.of("header_id", "header_line");
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    /** The number of {@code line}, or null when it has none (null, or past the bound): then the row keeps the line. */
    public Integer idOf(String line) {
        if (line == null) {
            return null;
        }
        Integer id = ids.get(line);
        if (id == null && ids.size() < MAX) {
            id = ids.size();
            ids.put(line, id);
        }
        return id;
    }

    /** The companion file of a list: {@code pulled.csv} has {@code pulled-headers.csv}. */
    public static Path companionOf(Path list) {
        return list.resolveSibling(list.getFileName().toString().replaceFirst("\\.csv$", "") + "-headers.csv");
    }

    /** Writes the numbered lines beside {@code list}; before the list itself is committed, so a list in place has them. */
    public void writeFor(Path list) {
        CsvTable.write(companionOf(list), COLUMNS, ids.entrySet().stream().<List<?>>map(e -> List.of(e.getValue(), e.getKey())).toList());
    }

    /** The lines by number, as {@code pool} keeps them; empty for a list written before numbers (its rows hold the lines). */
    public static List<String> readFor(Path list, StringPool pool) {
        List<String> lines = new ArrayList<>();
        if (Files.exists(companionOf(list))) {
            CsvTable.forEach(companionOf(list), r -> lines.add(pool.of(r.get("header_line"))));
        }
        return lines;
    }
}
