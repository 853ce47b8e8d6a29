package vn.memberstat.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Rows go to a temporary file beside {@code file}; {@link #commit()} renames it into place, and
     * {@link #close()} without a commit deletes it, so a run that fails half-way leaves no partial table.
     */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final Path temp;
        private final CSVPrinter printer;
        private boolean closed;

        private Writer(Path file, List<String> header) {
            this.file = file;
            this.temp = file.resolveSibling(file.getFileName() + ".tmp");
            try {
                Files.createDirectories(file.getParent());
                printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get()
                        .print(Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        /** Not thread-safe: callers on several threads hold a lock of their own. */
        public void row(List<?> values) {
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        public void commit() {
            try {
                closed = true;
                printer.close();
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                printer.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the failure that ended the writing is the one reported
            }
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
