package vn.memberstat.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.duckdb.SqlScript;

/**
 * The committees' yearly summary: reads every section from the warehouse's views, then writes the workbook, the CSV
 * files and the HTML report asked for. Returns the files written, in that order.
 */
public final class Exporter {
    /**
     * DuckDB's working memory for the roll-ups at most (its default is 80 % of the machine's); beyond it DuckDB spills to
     * a temporary folder, so the export's memory is bounded on any machine and for any size of warehouse.
     */
    static final String DUCKDB_MEMORY = "1GB";

    private Exporter() {}

    public static List<Path> export(Connection warehouse, ExportRequest request) {
        Path spill = null;
        try {
            spill = Files.createTempDirectory("memberstat-export");
            try (Statement s = warehouse.createStatement()) {
                s.execute("set memory_limit = '" + DUCKDB_MEMORY + "'");
                s.execute("set temp_directory = " + SqlScript.literal(spill));
            }
            ExportSource source = new ExportSource(warehouse, request);
            List<SectionTable> sections = new ArrayList<>();
            for (Section section : Section.values()) {
                sections.add(source.read(section));
            }
            ExportTitle title = new ExportTitle(request.year(), request.unit(), source.unitName(), source.level(),
                    source.dataDate(), request.language(), request.restated());
            return write(sections, title, request);
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read the warehouse: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot write to " + request.out() + ": " + e.getMessage(), e);
        } finally {
            deleteSpill(spill);
        }
    }

    private static void deleteSpill(Path spill) {
        if (spill == null) {
            return;
        }
        try (var files = Files.walk(spill)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is the system's to clear
        }
    }

    private static List<Path> write(List<SectionTable> sections, ExportTitle title, ExportRequest request) throws IOException {
        Files.createDirectories(request.out());
        List<Path> written = new ArrayList<>();
        String base = request.baseName();
        if (request.formats().contains(ExportRequest.Format.XLSX)) {
            Path file = request.out().resolve(base + ".xlsx");
            new XlsxWriter(title).write(sections, file);
            written.add(file);
        }
        if (request.formats().contains(ExportRequest.Format.CSV)) {
            CsvWriter csv = new CsvWriter(title);
            for (SectionTable section : sections) {
                Path file = request.out().resolve(base + "-" + section.section().key() + ".csv");
                csv.write(section, file);
                written.add(file);
            }
        }
        if (request.formats().contains(ExportRequest.Format.HTML)) {
            Path file = request.out().resolve(base + ".html");
            new HtmlReport(title).write(sections, file);
            written.add(file);
        }
        return written;
    }
}
