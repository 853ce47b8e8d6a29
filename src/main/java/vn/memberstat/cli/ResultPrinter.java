package vn.memberstat.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A query's rows printed as a table, CSV or JSON: CSV and JSON streamed, a table up to {@link #TABLE_ROWS} rows. */
final class ResultPrinter {
    private final PrintStream out;

    ResultPrinter(PrintStream out) {
        this.out = out;
    }

    /** Rows a table shows at most: it needs every row for its widths. CSV and JSON stream any number. */
    static final int TABLE_ROWS = 10_000;

    void print(ResultSet rs, String format) throws SQLException, IOException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add(meta.getColumnLabel(i));
        }
        switch (format) {
            case "csv" -> {
                CSVPrinter printer = csvPrinter(out, names.toArray(String[]::new));
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(text(rs.getObject(i)));
                    }
                    printer.printRecord(row);
                }
                printer.flush();
            }
            case "json" -> {
                JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).useDefaultPrettyPrinter();
                json.writeStartArray();
                while (rs.next()) {
                    json.writeStartObject();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        json.writeFieldName(names.get(i - 1));
                        json.writeObject(v == null ? null : (v instanceof Number || v instanceof Boolean ? v : v.toString()));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.flush();
                out.println();
            }
            default -> {
                List<List<String>> rows = new ArrayList<>();
                long count = 0;
                while (rs.next()) {
                    if (++count <= TABLE_ROWS) {
                        List<String> row = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) {
                            row.add(text(rs.getObject(i)));
                        }
                        rows.add(row);
                    }
                }
                printTable(names, rows, count);
            }
        }
    }

    /**
     * CSV to {@code out}, buffered here: the command's stream flushes at every line, a system call per row (17 s
     * instead of 6.6 for 744,588 rows). Flush the printer when done; closing it would close {@code out}.
     */
    static CSVPrinter csvPrinter(PrintStream out, String[] header) throws IOException {
        Writer buffered = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        return CSVFormat.RFC4180.builder().setHeader(header).setNullString("").get().print(buffered);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private void printTable(List<String> names, List<List<String>> rows, long count) {
        int[] widths = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            widths[i] = names.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i) == null ? 4 : row.get(i).length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            line.append(i == 0 ? "" : " | ").append(pad(names.get(i), widths[i]));
        }
        out.println(line);
        line.setLength(0);
        for (int i = 0; i < names.size(); i++) {
            line.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(line);
        for (List<String> row : rows) {
            line.setLength(0);
            for (int i = 0; i < names.size(); i++) {
                line.append(i == 0 ? "" : " | ").append(pad(row.get(i) == null ? "NULL" : row.get(i), widths[i]));
            }
            out.println(line);
        }
        out.println(count > rows.size()
                ? "(%d rows; the first %d shown: --format csv or json prints them all)".formatted(count, rows.size())
                : "(" + count + (count == 1 ? " row)" : " rows)"));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
