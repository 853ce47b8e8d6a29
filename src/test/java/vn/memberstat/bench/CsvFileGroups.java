package vn.memberstat.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import vn.memberstat.common.TextFold;

/**
 * Sorts CSV files into groups DuckDB can read with one {@code read_csv} call each: same layout, same
 * separator, same header line. Only the first line of each file is read (after a UTF-8 byte-order mark).
 */
public final class CsvFileGroups {
    private static final int FIRST_LINE_LIMIT = 1 << 16;

    /** A file layout as DuckDB's baseline sees it. */
    public enum Kind { REGISTRY, LONG, REPORT_FORM }

    /** Files sharing a layout, separator and header. */
    public record Group(Kind kind, char separator, List<String> header, List<Path> files) {
        public Group {
            requireNonNull(kind, "kind is null");
            header = List.copyOf(header);
            files = List.copyOf(files);
        }
    }

    /** The groups, and the files whose first line fits no layout. */
    public record Sorted(List<Group> groups, List<Path> unknown) {
        public Sorted {
            groups = List.copyOf(groups);
            unknown = List.copyOf(unknown);
        }

        public long files() {
            return groups.stream().mapToLong(g -> g.files().size()).sum() + unknown.size();
        }
    }

    private CsvFileGroups() {}

    /** Every {@code *.csv} under the inputs (files or directories), in path order, grouped. */
    public static Sorted of(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") && Files.isRegularFile(p))
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + input, e);
                }
            } else {
                files.add(input);
            }
        }
        files.sort(null);
        Map<String, List<Path>> byLine = new LinkedHashMap<>();
        for (Path file : files) {
            byLine.computeIfAbsent(firstLine(file), k -> new ArrayList<>()).add(file);
        }
        Map<String, Group> shapes = new LinkedHashMap<>();
        List<Path> unknown = new ArrayList<>();
        byLine.forEach((line, list) -> {
            char separator = line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ';' : ',';
            List<String> header = Arrays.stream(line.split(separator == ';' ? ";" : ",", -1)).map(String::strip).toList();
            Kind kind = kind(header);
            if (kind == null) {
                unknown.addAll(list);
            } else {
                shapes.put(line, new Group(kind, separator, header, list));
            }
        });
        List<Group> groups = new ArrayList<>(shapes.values());
        unknown.sort(null);
        return new Sorted(groups, unknown);
    }

    private static Kind kind(List<String> header) {
        if (header.size() < 2) {
            return null;
        }
        List<String> folded = header.stream().map(TextFold::fold).toList();
        if (folded.contains("unit_code") && folded.contains("unit_name")) {
            return Kind.REGISTRY;
        }
        if (folded.contains("unit_code") && folded.contains("indicator") && folded.contains("value")) {
            return Kind.LONG;
        }
        if (folded.get(0).equals("ma don vi") && folded.get(1).equals("ky bao cao")) {
            return Kind.REPORT_FORM;
        }
        return null;
    }

    private static String firstLine(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1024];
            int filled = 0;
            while (filled < FIRST_LINE_LIMIT) {
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                int end = indexOfLineEnd(buffer, filled, filled + n);
                filled += n;
                if (end >= 0) {
                    return text(buffer, end);
                }
            }
            return text(buffer, filled);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static int indexOfLineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] bytes, int end) {
        int start = end >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
}
