package vn.memberstat.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;

/**
 * The committees' yearly summary: reads every section from the warehouse's views, then writes the workbook, the CSV
 * files and the HTML report asked for. Returns the files written, in that order.
 */
public final class Exporter {
    private Exporter() {}

    public static List<Path> export(Connection warehouse, ExportRequest request) {
        try {
            ExportSource source = new ExportSource(warehouse, request);
            List<SectionTable> sections = new ArrayList<>();
            for (Section section : Section.values()) {
                sections.add(source.read(section));
            }
            ExportTitle title = new ExportTitle(request.year(), request.unit(), source.unitName(), source.level(),
                    source.dataDate(), request.language());
            return write(sections, title, request);
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read the warehouse: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot write to " + request.out() + ": " + e.getMessage(), e);
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
