package vn.memberstat.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.common.WorkerPool;
import vn.memberstat.read.Layout;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.run.UnitVersion;

/**
 * A large file is read by one thread and checked in batches by helper threads: the values, the
 * rejections and the counts must be exactly those of checking it on one thread, in file order.
 */
final class DataFileNormaliserTest {
    private static final int ROWS = 10 * DataFileNormaliser.BATCH_ROWS + 17;
    private static final String[] UNITS = {"HN.TX", "HN.CG"};

    @TempDir
    Path dir;

    private final WorkerPool helpers = new WorkerPool(3);
    private final ValueNormaliser normaliser = new ValueNormaliser(Catalogue.load(), new UnitRegistry(List.of(
            new UnitVersion("HN.TX", "Quận ủy Thanh Xuân", "HN", 2, "urban_district", LocalDate.of(1997, 1, 1), null, null),
            new UnitVersion("HN.CG", "Quận ủy Cầu Giấy", "HN", 2, "urban_district", LocalDate.of(1997, 1, 1), null, null))),
            LocalDate.of(2025, 1, 5));

    @AfterEach
    void stopHelpers() {
        helpers.close();
    }

    @Test
    void helperThreadsGiveWhatOneThreadGives() throws Exception {
        Path file = longFile();
        Result alone = run(file, Layout.LONG, null);
        Result helped = run(file, Layout.LONG, helpers);

        // line 1 is the header; the planted rows are where the file was written to have them
        assertThat(alone.rejections).containsExactly(
                "101 UNKNOWN_UNIT", "5000 BAD_VALUE", "12345 UNKNOWN_INDICATOR", "17000 MALFORMED_ROW", "20000 PERIOD_NOT_ALLOWED");
        assertThat(alone.outcome.rowsRead()).isEqualTo(ROWS - 3);   // three blank lines hold no value
        assertThat(alone.outcome.rowsQuarantined()).isEqualTo(5);
        assertThat(alone.outcome.rowsAccepted()).isEqualTo(ROWS - 3 - 5).isEqualTo(alone.values.size());

        assertThat(helped.outcome).isEqualTo(alone.outcome);
        assertThat(helped.rejections).isEqualTo(alone.rejections);
        assertThat(helped.values).isEqualTo(alone.values);
    }

    @Test
    void aReportFormIsSplitTheSameWay() throws Exception {
        StringBuilder csv = new StringBuilder("unit_code;period;Kết nạp Đảng viên - Tổng số;Chuyển Đảng chính thức - Tổng số\n");
        for (int line = 2; line <= 3 * DataFileNormaliser.BATCH_ROWS; line++) {
            String admitted = line == 3000 ? "nhiều" : Integer.toString(line % 7);
            csv.append(UNITS[line % 2]).append(";2024-").append(1 + line % 12).append(';').append(admitted).append(';')
                    .append(line % 3 == 0 ? "" : Integer.toString(line % 5)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("form.csv"), csv, StandardCharsets.UTF_8);
        Result alone = run(file, Layout.REPORT_FORM, null);
        Result helped = run(file, Layout.REPORT_FORM, helpers);

        assertThat(alone.rejections).containsExactly("3000 BAD_VALUE");
        assertThat(alone.outcome.rowsRead()).isEqualTo(alone.values.size() + 1L);
        assertThat(helped.outcome).isEqualTo(alone.outcome);
        assertThat(helped.values).isEqualTo(alone.values);
    }

    @Test
    void aFailureOnAHelperThreadFailsTheFileWithItsOwnException() throws Exception {
        Path file = longFile();
        DataFileNormaliser files = new DataFileNormaliser(normaliser);
        try (SubmissionReader reader = new SubmissionReader(file, StandardCharsets.UTF_8, 0, 65_536)) {
            assertThatThrownBy(() -> files.process("s1", "big.csv", Layout.LONG, reader,
                    values -> {
                        throw new IllegalStateException("disk full");
                    }, r -> {}, helpers))
                    .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        }
    }

    /** A long-layout file with blank lines and one planted bad row of each kind at known lines. */
    private Path longFile() throws IOException {
        StringBuilder csv = new StringBuilder("unit_code,period,indicator,category,value,comment\n");
        for (int line = 2; line <= ROWS + 1; line++) {
            String unit = UNITS[line % 2];
            String month = "2024-%02d".formatted(1 + line % 12);
            String row = switch (line) {
                case 101 -> "HN.XX," + month + ",admitted,total,3,";
                case 5000 -> unit + "," + month + ",admitted,total,ba,";
                case 12345 -> unit + "," + month + ",admitted_typo,total,3,";
                case 17000 -> unit + ",\"" + month + "\"x,admitted,total,3,";
                case 20000 -> unit + ",2020-2025,admitted,total,3,";
                case 300, 8000, 19999 -> "";
                default -> unit + "," + month + ",admitted,total," + (line % 9) + (line % 10 == 0 ? ",\"ghi chú, dòng " + line + "\"" : ",");
            };
            csv.append(row).append('\n');
        }
        return Files.writeString(dir.resolve("long.csv"), csv, StandardCharsets.UTF_8);
    }

    private Result run(Path file, Layout layout, WorkerPool threads) throws Exception {
        List<String> values = Collections.synchronizedList(new ArrayList<>());
        List<String> rejections = Collections.synchronizedList(new ArrayList<>());
        FileOutcome outcome;
        try (SubmissionReader reader = new SubmissionReader(file, StandardCharsets.UTF_8, 0, 65_536)) {
            outcome = new DataFileNormaliser(normaliser).process("s1", file.getFileName().toString(), layout, reader,
                    batch -> batch.forEach(v -> values.add(v.lineNumber() + " " + v.unitCode() + " " + v.period().code() + " "
                            + v.indicator() + "/" + v.category() + "=" + v.value() + " " + v.comment())),
                    r -> rejections.add(r.lineNumber() + " " + r.reason()), threads);
        }
        List<String> sortedValues = new ArrayList<>(values);
        sortedValues.sort(null);
        List<String> sortedRejections = new ArrayList<>(rejections);
        sortedRejections.sort(java.util.Comparator.comparingLong((String s) -> Long.parseLong(s.substring(0, s.indexOf(' ')))));
        return new Result(outcome, sortedValues, sortedRejections);
    }

    private record Result(FileOutcome outcome, List<String> values, List<String> rejections) {}
}
