package vn.memberstat.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.memberstat.common.SpreadsheetText;

/**
 * A section as CSV: UTF-8 with a byte-order mark (Excel then shows Vietnamese), ';' and decimal commas in Vietnamese
 * (what Vietnamese-locale Excel splits and reads), ',' and decimal points in English. Numbers without thousands
 * separators, percentages as the views give them (34,5 for 34.5 %); text made formula-safe.
 */
final class CsvWriter {
    private final ExportTitle title;

    CsvWriter(ExportTitle title) {
        this.title = title;
    }

    void write(SectionTable table, Path file) throws IOException {
        Language language = title.language();
        DecimalFormat numbers = language.numbers(false);
        List<Column> columns = table.columns();
        String[] header = columns.stream().map(c -> c.label(language)).toArray(String[]::new);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(language.csvDelimiter()).setHeader(header).get();
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            writer.write('\uFEFF');   // before the header, which the printer writes at once
            CSVPrinter printer = new CSVPrinter(writer, format);
            for (Object[] row : table.rows()) {
                print(printer, row, columns, numbers);
            }
            for (Object[] row : table.totals()) {
                print(printer, title.totalRow(table, row), columns, numbers);
            }
            printer.flush();
        }
    }

    private static void print(CSVPrinter printer, Object[] row, List<Column> columns, DecimalFormat numbers) throws IOException {
        for (int c = 0; c < row.length; c++) {
            Object value = row[c];
            if (value == null) {
                printer.print("");
            } else if (columns.get(c).kind() == Column.Kind.TEXT) {
                printer.print(SpreadsheetText.forCsv(value.toString()));
            } else {
                printer.print(numbers.format(((Number) value).doubleValue()));
            }
        }
        printer.println();
    }
}
