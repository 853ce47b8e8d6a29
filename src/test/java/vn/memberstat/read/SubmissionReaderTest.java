package vn.memberstat.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records that Commons CSV cannot split: one malformed row each, with reading going on after it. */
final class SubmissionReaderTest {
    @TempDir
    Path dir;

    @Test
    void textAfterAClosingQuoteSpoilsOnlyItsOwnRecord() throws IOException {
        List<String> rows = read("""
                unit_code,period,indicator,value\r
                HN.TX,2024-05,admitted,5\r
                HN.TX,"2024-06"x,"a\r
                b",6\r
                HN.TX,2024-07,admitted,"7"\r
                HN.TX,2024-08,admitted,8""");

        assertThat(rows).containsExactly(
                "2 [HN.TX, 2024-05, admitted, 5]",
                "3 MALFORMED HN.TX,\"2024-06\"x,\"a\r\nb\",6 | lines 3 to 4 cannot be split into fields",
                "5 [HN.TX, 2024-07, admitted, 7]",
                "6 [HN.TX, 2024-08, admitted, 8]");
    }

    @Test
    void aQuoteNeverClosedTakesTheRestOfTheFile() throws IOException {
        List<String> rows = read("""
                unit_code,period,indicator,value,comment
                HN.TX,2024-05,admitted,5,"a
                b"
                HN.TX,2024-06,admitted,6,"open
                HN.TX,2024-07,admitted,7
                """);

        assertThat(rows).containsExactly(
                "2 [HN.TX, 2024-05, admitted, 5, a\nb]",
                "4 MALFORMED HN.TX,2024-06,admitted,6,\"open\nHN.TX,2024-07,admitted,7\n | a quote opened on line 4 is never closed,"
                        + " so lines 4 to 5 (the rest of the file) are one field");
    }

    @Test
    void aHeaderThatCannotBeSplitIsItsRawText() throws IOException {
        Path file = write("\"unit\"_code,period,indicator,value\nHN.TX,2024-05,admitted,5\n");
        try (SubmissionReader reader = new SubmissionReader(file, StandardCharsets.UTF_8, 0, 65_536)) {
            assertThat(reader.header()).containsExactly("\"unit\"_code,period,indicator,value");
            assertThat(LayoutDetector.detect(reader.header())).isEmpty();
            assertThat(reader.next().fields()).containsExactly("HN.TX", "2024-05", "admitted", "5");
        }
    }

    private List<String> read(String text) throws IOException {
        List<String> rows = new ArrayList<>();
        try (SubmissionReader reader = new SubmissionReader(write(text), StandardCharsets.UTF_8, 0, 65_536)) {
            SourceRow row;
            while ((row = reader.next()) != null) {
                rows.add(row.problem() == null ? row.lineNumber() + " " + row.fields()
                        : row.lineNumber() + " " + row.problem() + " " + row.raw() + " | "
                                + row.problemDetail().substring(0, row.problemDetail().indexOf(':')));
            }
        }
        return rows;
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("f.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
