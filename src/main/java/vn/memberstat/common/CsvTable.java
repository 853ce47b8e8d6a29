package vn.memberstat.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV files a run keeps in its run directory, written whole under a temporary name and renamed. A run of a
 * year's inbox lists some 600,000 files in them, so rows are written and read one at a time.
 */
public final class CsvTable {
    private CsvTable() {}

    public static void write(Path file, List<String> header, Iterable<? extends List<?>> rows) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                    CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(w)) {
                for (List<?> row : rows) {
                    printer.printRecord(row);
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static List<Map<String, String>> read(Path file) {
        List<Map<String, String>> rows = new ArrayList<>();
        forEach(file, rows::add);
        return rows;
    }

    /** Each row in turn, as a map from column name to value: the file is never held whole. */
    public static void forEach(Path file, Consumer<Map<String, String>> row) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                row.accept(record.toMap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
