package vn.memberstat.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (Writer w = writer(file, header)) {
            for (List<?> row : rows) {
                w.row(row);
            }
            w.commit();
        }
    }

    /** A file written a row at a time; it appears under its name only when {@link Writer#commit()} is called. */
    public static Writer writer(Path file, List<String> header) {
        return new Writer(file, header);
    }

    /** Rows go to a {@link PendingFile}: the table appears under its name only when committed. */
    public static final class Writer implements AutoCloseable {
        private final PendingFile file;
        private final CSVPrinter printer;

        private Writer(Path file, List<String> header) {
            this.file = new PendingFile(file);
            try {
                printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(this.file.out());
            } catch (IOException e) {
                this.file.close();
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        /** Not thread-safe: callers on several threads hold a lock of their own. */
        public void row(List<?> values) {
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file.file(), e);
            }
        }

        public void commit() {
            file.commit();
        }

        @Override
        public void close() {
            file.close();
        }
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
