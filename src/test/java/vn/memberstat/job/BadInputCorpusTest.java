package vn.memberstat.job;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.memberstat.common.ReasonCode.BAD_PERIOD;
import static vn.memberstat.common.ReasonCode.BAD_REGISTRY_ROW;
import static vn.memberstat.common.ReasonCode.BAD_VALUE;
import static vn.memberstat.common.ReasonCode.CONFLICTING_DUPLICATE;
import static vn.memberstat.common.ReasonCode.EMPTY_FILE;
import static vn.memberstat.common.ReasonCode.ENCODING;
import static vn.memberstat.common.ReasonCode.FUTURE_PERIOD;
import static vn.memberstat.common.ReasonCode.LINE_TOO_LONG;
import static vn.memberstat.common.ReasonCode.MALFORMED_ROW;
import static vn.memberstat.common.ReasonCode.PERIOD_NOT_ALLOWED;
import static vn.memberstat.common.ReasonCode.TOO_LARGE;
import static vn.memberstat.common.ReasonCode.UNIT_NOT_ACTIVE;
import static vn.memberstat.common.ReasonCode.UNKNOWN_CATEGORY;
import static vn.memberstat.common.ReasonCode.UNKNOWN_INDICATOR;
import static vn.memberstat.common.ReasonCode.UNKNOWN_LAYOUT;
import static vn.memberstat.common.ReasonCode.UNKNOWN_UNIT;
import static vn.memberstat.support.Memberstat.count;
import static vn.memberstat.support.Memberstat.one;
import static vn.memberstat.support.Memberstat.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.support.Memberstat;

/**
 * The bad-input corpus (src/test/resources/bad-input, written by its generate.py): one nightly run
 * over an inbox holding every corpus file, then for each file the exact refusal or quarantine
 * reasons with their line numbers, and its row conservation read = loaded + quarantined + duplicate.
 */
final class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bad-input");
    static final String REGISTRY = "base/registry.csv";
    private static final String RUN_DATE = "2026-06-30";
    /** Only file/too-large.csv is larger. */
    private static final long MAX_FILE_BYTES = 8000;
    @TempDir
    static Path temp;
    private static Path home;
    private static Memberstat.Result result;

    /** What one corpus file must give: a refusal, or its counts and quarantined rows ("line REASON"). */
    record Case(String file, ReasonCode refusal, long read, long loaded, long duplicate, List<String> quarantined) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                rows(REGISTRY, 5, 5, 0),
                // whole files: refused, one quarantine row with no line number
                refused("file/empty.csv", EMPTY_FILE),
                refused("file/whitespace-only.csv", EMPTY_FILE),
                refused("file/bom-only.csv", EMPTY_FILE),
                refused("file/bom-and-blank-lines.csv", EMPTY_FILE),
                refused("file/utf16-bom-and-spaces.csv", EMPTY_FILE),
                refused("file/header-only-long.csv", EMPTY_FILE),
                refused("file/header-only-form.csv", EMPTY_FILE),
                refused("file/header-only-registry.csv", EMPTY_FILE),
                refused("file/header-and-empty-rows.csv", EMPTY_FILE),
                refused("file/invalid-utf8.csv", ENCODING),
                refused("file/windows-1252.csv", ENCODING),
                refused("file/nul-bytes.csv", ENCODING),
                refused("file/xlsx-renamed.csv", ENCODING),
                refused("file/utf16le-without-bom.csv", ENCODING),
                refused("file/utf8-truncated.csv", ENCODING),
                refused("file/utf16le-odd-length.csv", ENCODING),
                refused("file/utf16le-lone-surrogate.csv", ENCODING),
                refused("file/utf8-overlong.csv", ENCODING),
                refused("file/utf8-encoded-surrogate.csv", ENCODING),
                refused("file/unknown-header.csv", UNKNOWN_LAYOUT),
                refused("file/single-column.csv", UNKNOWN_LAYOUT),
                refused("file/long-without-value-column.csv", UNKNOWN_LAYOUT),
                refused("file/title-row-before-header.csv", UNKNOWN_LAYOUT),
                refused("file/form-first-columns-swapped.csv", UNKNOWN_LAYOUT),
                refused("file/tab-separated.csv", UNKNOWN_LAYOUT),
                refused("file/html-error-page.csv", UNKNOWN_LAYOUT),
                refused("file/unterminated-quote-in-header.csv", UNKNOWN_LAYOUT),
                refused("file/too-large.csv", TOO_LARGE),
                // rows: each quarantine reason, the rest of the file loads
                rows("row/unknown-unit.csv", 3, 1, 0, "3 UNKNOWN_UNIT", "4 UNKNOWN_UNIT"),
                rows("row/unit-not-active.csv", 5, 2, 0, "3 UNIT_NOT_ACTIVE", "4 UNIT_NOT_ACTIVE", "5 UNIT_NOT_ACTIVE"),
                rows("row/bad-period-backwards.csv", 2, 1, 0, "3 BAD_PERIOD"),
                rows("row/bad-period-crosses-year.csv", 2, 1, 0, "2 BAD_PERIOD"),
                rows("row/bad-period-month-13.csv", 3, 1, 0, "2 BAD_PERIOD", "3 BAD_PERIOD"),
                rows("row/bad-period-other-forms.csv", 9, 1, 0, "2 BAD_PERIOD", "3 BAD_PERIOD", "4 BAD_PERIOD", "5 BAD_PERIOD",
                        "6 BAD_PERIOD", "7 BAD_PERIOD", "8 BAD_PERIOD", "9 BAD_PERIOD"),
                rows("row/future-period.csv", 7, 3, 0, "3 FUTURE_PERIOD", "4 FUTURE_PERIOD", "5 FUTURE_PERIOD", "6 FUTURE_PERIOD"),
                rows("row/unknown-indicator.csv", 4, 1, 0, "2 UNKNOWN_INDICATOR", "3 UNKNOWN_INDICATOR", "5 UNKNOWN_INDICATOR"),
                rows("row/unknown-category.csv", 5, 2, 0, "2 UNKNOWN_CATEGORY", "4 UNKNOWN_CATEGORY", "5 UNKNOWN_CATEGORY"),
                rows("row/period-not-allowed-quota-month.csv", 4, 1, 0, "2 PERIOD_NOT_ALLOWED", "3 PERIOD_NOT_ALLOWED",
                        "4 PERIOD_NOT_ALLOWED"),
                rows("row/period-not-allowed-flow-term.csv", 3, 1, 0, "2 PERIOD_NOT_ALLOWED", "3 PERIOD_NOT_ALLOWED"),
                rows("row/bad-value-ambiguous-dot.csv", 5, 1, 0, "2 BAD_VALUE", "3 BAD_VALUE", "5 BAD_VALUE", "6 BAD_VALUE"),
                rows("row/bad-value-overflow.csv", 4, 1, 0, "2 BAD_VALUE", "3 BAD_VALUE", "5 BAD_VALUE"),
                rows("row/bad-value-negative.csv", 4, 1, 0, "2 BAD_VALUE", "3 BAD_VALUE", "4 BAD_VALUE"),
                rows("row/bad-value-fraction-count.csv", 5, 2, 0, "2 BAD_VALUE", "3 BAD_VALUE", "6 BAD_VALUE"),
                rows("row/bad-value-not-a-number.csv", 7, 1, 0, "2 BAD_VALUE", "3 BAD_VALUE", "4 BAD_VALUE", "5 BAD_VALUE",
                        "6 BAD_VALUE", "7 BAD_VALUE"),
                rows("row/conflicting-duplicate.csv", 5, 1, 0, "2 CONFLICTING_DUPLICATE", "3 CONFLICTING_DUPLICATE",
                        "4 CONFLICTING_DUPLICATE", "5 CONFLICTING_DUPLICATE"),
                rows("row/identical-repeat.csv", 5, 3, 2),
                rows("row/unterminated-quote.csv", 2, 1, 0, "3 MALFORMED_ROW"),
                rows("row/text-after-closing-quote.csv", 4, 3, 0, "3 MALFORMED_ROW"),
                rows("row/unquoted-decimal-comma.csv", 3, 2, 0, "2 MALFORMED_ROW"),
                rows("row/missing-fields.csv", 3, 1, 0, "2 BAD_VALUE", "3 UNKNOWN_INDICATOR"),
                rows("row/form-unknown-columns.csv", 6, 4, 0, "2 UNKNOWN_CATEGORY", "2 UNKNOWN_INDICATOR"),
                rows("row/form-cells-without-header.csv", 2, 1, 0, "2 UNKNOWN_INDICATOR"),
                rows("row/form-bad-cells.csv", 7, 2, 0, "2 BAD_PERIOD", "2 BAD_PERIOD", "2 BAD_PERIOD", "3 BAD_VALUE",
                        "4 UNKNOWN_UNIT"),
                rows("row/form-conflicting-columns.csv", 6, 3, 1, "2 CONFLICTING_DUPLICATE", "2 CONFLICTING_DUPLICATE"),
                // registry rows that cannot be used; the other rows of the file load
                rows("registry-rows/bad-code.csv", 5, 1, 0, "3 BAD_REGISTRY_ROW", "4 BAD_REGISTRY_ROW", "5 BAD_REGISTRY_ROW",
                        "6 BAD_REGISTRY_ROW"),
                rows("registry-rows/bad-date.csv", 5, 1, 0, "3 BAD_REGISTRY_ROW", "4 BAD_REGISTRY_ROW", "5 BAD_REGISTRY_ROW",
                        "6 BAD_REGISTRY_ROW"),
                rows("registry-rows/valid-to-before-valid-from.csv", 3, 2, 0, "3 BAD_REGISTRY_ROW"),
                rows("registry-rows/overlap.csv", 5, 3, 0, "5 BAD_REGISTRY_ROW", "6 BAD_REGISTRY_ROW"),
                rows("registry-rows/same-code-and-start.csv", 4, 2, 1, "3 BAD_REGISTRY_ROW"),
                rows("registry-rows/unknown-parent.csv", 6, 1, 0, "3 BAD_REGISTRY_ROW", "4 BAD_REGISTRY_ROW", "5 BAD_REGISTRY_ROW",
                        "6 BAD_REGISTRY_ROW", "7 BAD_REGISTRY_ROW"),
                rows("registry-rows/inactive-parent.csv", 3, 1, 0, "3 BAD_REGISTRY_ROW", "4 BAD_REGISTRY_ROW"),
                rows("registry-rows/bad-level-type-name.csv", 5, 1, 0, "3 BAD_REGISTRY_ROW", "4 BAD_REGISTRY_ROW",
                        "5 BAD_REGISTRY_ROW", "6 BAD_REGISTRY_ROW"),
                // awkward but valid formats load; a planted unknown unit checks the line numbering
                rows("format/bom-utf8.csv", 2, 2, 0),
                rows("format/double-bom.csv", 1, 1, 0),
                rows("format/utf16le-bom.csv", 3, 2, 0, "4 UNKNOWN_UNIT"),
                rows("format/utf16be-bom.csv", 1, 1, 0),
                rows("format/semicolon-decimal-comma.csv", 2, 2, 0),
                rows("format/nfd-long.csv", 1, 1, 0),
                rows("format/nfd-form.csv", 2, 2, 0),
                rows("format/form-without-diacritics.csv", 3, 3, 0),
                rows("format/form-case-spaces-dashes.csv", 4, 4, 0),
                rows("format/lf-line-endings.csv", 3, 2, 0, "3 UNKNOWN_UNIT"),
                rows("format/crlf-line-endings.csv", 3, 2, 0, "3 UNKNOWN_UNIT"),
                rows("format/cr-line-endings.csv", 3, 2, 0, "3 UNKNOWN_UNIT"),
                rows("format/mixed-line-endings.csv", 4, 3, 0, "4 UNKNOWN_UNIT"),
                rows("format/no-final-newline.csv", 2, 2, 0),
                rows("format/multiline-comment.csv", 4, 3, 0, "6 UNKNOWN_UNIT"),
                rows("format/blank-lines.csv", 3, 2, 0, "6 UNKNOWN_UNIT"),
                rows("format/grouped-numbers.csv", 5, 5, 0),
                rows("format/columns-reordered.csv", 2, 2, 0),
                rows("format/quoted-everything.csv", 2, 2, 0));
    }

    private static Case refused(String file, ReasonCode reason) {
        return new Case(file, reason, 0, 0, 0, List.of());
    }

    private static Case rows(String file, long read, long loaded, long duplicate, String... quarantined) {
        return new Case(file, null, read, loaded, duplicate, List.of(quarantined));
    }

    @BeforeAll
    static void runNightlyOnTheWholeCorpus() {
        Path inbox = copyCorpus(temp.resolve("inbox"));
        home = temp.resolve("home");
        result = Memberstat.nightly(home, inbox, RUN_DATE, "--memberstat.max-file-bytes=" + MAX_FILE_BYTES);
    }

    /** Copies every corpus CSV into {@code inbox}; the registry is older than the rest, as it arrives first. */
    static Path copyCorpus(Path inbox) {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                String relative = CORPUS.relativize(file).toString().replace('\\', '/');
                Path copy = inbox.resolve(relative);
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
                Files.setLastModifiedTime(copy, FileTime.from(relative.equals(REGISTRY)
                        ? Memberstat.OLD.minusSeconds(86_400) : Memberstat.OLD));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inbox;
    }

    @Test
    void runCompletesAndEveryCorpusFileHasItsCase() throws IOException {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("COMPLETED");
        Set<String> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(f -> f.toString().endsWith(".csv"))
                    .map(f -> CORPUS.relativize(f).toString().replace('\\', '/')).collect(Collectors.toSet());
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases().map(Case::file)).containsExactlyInAnyOrderElementsOf(files);
        assertThat(query(home, "select file_path from dim_submission")).extracting(r -> r.get("file_path"))
                .as("every file is its own submission: no two corpus files have the same content")
                .containsExactlyInAnyOrderElementsOf(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachFileGivesItsReasonsAndConservesItsRows(Case c) {
        Map<String, Object> submission = one(home, "select * from dim_submission where file_path = '%s'".formatted(c.file()));
        long quarantinedRows = c.quarantined().size();
        assertThat(submission)
                .containsEntry("refused_reason", c.refusal() == null ? null : c.refusal().name())
                .containsEntry("rows_read", c.read())
                .containsEntry("rows_loaded", c.loaded())
                .containsEntry("rows_quarantined", quarantinedRows)
                .containsEntry("rows_duplicate", c.duplicate());
        assertThat(c.read()).as("read = loaded + quarantined + duplicate").isEqualTo(c.loaded() + quarantinedRows + c.duplicate());

        List<Map<String, Object>> quarantine = query(home, """
                select line_number, reason_code, raw_line, detail, is_resolved from quarantine
                where file_path = '%s' order by line_number nulls first, reason_code""".formatted(c.file()));
        if (c.refusal() != null) {
            assertThat(quarantine).as("a refused file is one quarantine row without a line number").hasSize(1);
            assertThat(quarantine.get(0)).containsEntry("line_number", null).containsEntry("reason_code", c.refusal().name())
                    .containsEntry("is_resolved", false);
            assertThat((String) quarantine.get(0).get("detail")).isNotBlank();
        } else {
            assertThat(quarantine).extracting(r -> r.get("line_number") + " " + r.get("reason_code"))
                    .containsExactlyElementsOf(c.quarantined());
            assertThat(quarantine).allSatisfy(r -> {
                assertThat((String) r.get("raw_line")).as("raw line").isNotBlank();
                assertThat((String) r.get("detail")).as("detail").isNotBlank();
            });
        }

        long loaded = ((Number) one(home, """
                select (select count(*) from fct_reported_value v join dim_submission s using (submission_id)
                        where s.file_path = '%1$s')
                     + (select count(*) from registry_version r join dim_submission s using (submission_id)
                        where s.file_path = '%1$s') as n""".formatted(c.file())).get("n")).longValue();
        assertThat(loaded).as("rows stored for the file").isEqualTo(c.loaded());
    }

    @Test
    void refusalsSayWhy() {
        assertThat(detail("file/too-large.csv")).contains("the limit is 8000").contains("memberstat.max-file-bytes");
        assertThat(detail("file/invalid-utf8.csv")).contains("not valid UTF-8");
        assertThat(detail("file/nul-bytes.csv")).contains("NUL");
        assertThat(detail("file/utf8-truncated.csv")).contains("ends inside a UTF-8 character");
        assertThat(detail("file/utf16le-odd-length.csv")).contains("ends inside a UTF-16LE character");
        assertThat(detail("file/header-only-long.csv")).contains("header but no rows");
        assertThat(detail("file/tab-separated.csv")).contains("matches none of the registry, long or report-form layouts");
        assertThat(detail("file/unterminated-quote-in-header.csv")).as("the raw header is shown")
                .contains("\"unit_code,period,indicator,category,value,comment");
    }

    @Test
    void quarantinedRowsKeepTheirRawTextAndFields() {
        Map<String, Object> stray = quarantined("row/text-after-closing-quote.csv", 3);
        assertThat(stray).containsEntry("raw_line", "HN.TX,2024-05,removed,total,\"1\"0,");
        assertThat((String) stray.get("detail")).contains("line 3 cannot be split into fields");
        Map<String, Object> open = quarantined("row/unterminated-quote.csv", 3);
        assertThat((String) open.get("raw_line")).startsWith("HN.TX,2024-05,removed,total,1,\"khai trừ 1 đảng viên\nHN.TX,2024-05,deceased");
        assertThat((String) open.get("detail")).contains("never closed").contains("lines 3 to 5");
        assertThat(quarantined("row/unquoted-decimal-comma.csv", 2)).containsEntry("unit_code", "HN.TX")
                .containsEntry("value_text", "1");
        assertThat(quarantined("row/bad-value-ambiguous-dot.csv", 2)).containsEntry("value_text", "12.5")
                .containsEntry("unit_code", "HN.TX").containsEntry("period", "2024-05").containsEntry("indicator", "admitted");
        assertThat((String) quarantined("row/missing-fields.csv", 2).get("detail")).isEqualTo("value '': value is empty");
        assertThat((String) quarantined("registry-rows/same-code-and-start.csv", 3).get("detail"))
                .contains("overlaps line 2 of this file");
        assertThat(quarantined("registry-rows/bad-code.csv", 3)).containsEntry("unit_code", "HN BC2");
        assertThat(quarantined("row/form-bad-cells.csv", 3)).containsEntry("raw_line", "HN.TX;2024-08;12.5;1;20.790")
                .containsEntry("indicator", "admitted").containsEntry("value_text", "12.5");
    }

    @Test
    void awkwardFormatsLoadTheirValues() {
        assertThat(value("format/semicolon-decimal-comma.csv", "admission_quota_rate", "total")).containsEntry("value", 1.25);
        assertThat(value("format/semicolon-decimal-comma.csv", "members", "total")).containsEntry("value", 20772.0)
                .containsEntry("comment", "ghi chú; có dấu chấm phẩy");
        assertThat(value("format/utf16le-bom.csv", "admitted", "women")).containsEntry("value", 120.0);
        assertThat(value("format/utf16be-bom.csv", "admitted", "total")).containsEntry("comment", "Đảng bộ quận");
        String comment = (String) value("format/nfd-long.csv", "admitted", "thpt_student").get("comment");
        assertThat(comment).isEqualTo("Chi bộ Trường THPT Trần Hưng Đạo")
                .isEqualTo(Normalizer.normalize(comment, Normalizer.Form.NFC));
        assertThat(value("format/nfd-form.csv", "admitted", "youth_union")).containsEntry("value", 2.0);
        assertThat(value("format/form-case-spaces-dashes.csv", "removed", "struck_off")).containsEntry("value", 1.0);
        assertThat(value("format/form-case-spaces-dashes.csv", "admitted", "women")).containsEntry("value", 1.0);
        assertThat(value("format/form-without-diacritics.csv", "members", "total")).containsEntry("value", 45.0);
        assertThat(value("format/columns-reordered.csv", "members", "official")).containsEntry("value", 12.0);
        assertThat(value("format/grouped-numbers.csv", "reviewed", "total")).containsEntry("value", 1234567.0);
        assertThat(value("format/grouped-numbers.csv", "admission_quota_rate", "total")).containsEntry("value", 1.0);
        assertThat(value("format/multiline-comment.csv", "admitted", "total"))
                .containsEntry("comment", "Chi bộ đã họp,\r\nxét và đề nghị kết nạp\n24 quần chúng");
        assertThat(value("format/cr-line-endings.csv", "removed", "total")).containsEntry("line_number", 4L);
        assertThat(value("row/bad-value-fraction-count.csv", "members", "total")).as("20.772,0 is a whole number")
                .containsEntry("value", 20772.0);
        assertThat(query(home, valuesOf("row/future-period.csv"))).as("quotas may be set ahead")
                .extracting(r -> r.get("line_number") + " " + r.get("indicator_code") + " " + r.get("period"))
                .containsExactly("2 admitted 2026-06", "7 admission_quota 2027", "8 admission_quota 2030-2035");
    }

    @Test
    void identicalRepeatsLoadOnceAndDifferentOnesNotAtAll() {
        assertThat(query(home, valuesOf("row/identical-repeat.csv"))).extracting(r -> r.get("line_number") + " "
                + r.get("indicator_code") + "/" + r.get("category_code") + " " + r.get("value"))
                .containsExactly("2 admitted/total 7.0", "4 members/total 20772.0", "6 members/probationary 300.0");
        assertThat(query(home, valuesOf("row/conflicting-duplicate.csv"))).extracting(r -> r.get("line_number") + " "
                + r.get("indicator_code") + "/" + r.get("category_code")).containsExactly("6 members/total");
        assertThat(quarantined("row/conflicting-duplicate.csv", 4)).as("2024-01..2024-03 is 2024-Q1 and empty is total")
                .containsEntry("period", "2024-Q1").containsEntry("category", "total");
    }

    /** A record over 64 KB (the default memberstat.max-line-chars) is quarantined and reading goes on after it. */
    @Test
    void aLineOverTheLimitIsQuarantinedAndTheRestOfTheFileIsRead(@TempDir Path dir) throws IOException {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(CORPUS.resolve(REGISTRY), inbox.resolve("registry.csv"));
        String csv = "unit_code,period,indicator,category,value,comment\n"
                + "HN.TX,2024-05,admitted,total,7,\n"
                + "HN.TX,2024-05,removed,total,1," + "a".repeat(70_000) + "\n"
                + "HN.TX,2024-05,deceased,total,2,\n"
                + "HN.TX,2024-05,transferred_in,total,3,\"" + "b".repeat(33_000) + "\n" + "c".repeat(33_000) + "\nhết\"\n"
                + "HN.TX,2024-05,transferred_out,total,4,\n"
                + "HN.TX,2024-05,reviewed,total,5," + "d".repeat(65_000) + "\n"
                + "HN.TX.TDH,2024-05,admitted,total,1,\n";
        Files.writeString(inbox.resolve("long-lines.csv"), csv, StandardCharsets.UTF_8);
        for (String f : List.of("registry.csv", "long-lines.csv")) {
            Files.setLastModifiedTime(inbox.resolve(f), FileTime.from(Memberstat.OLD));
        }
        Path longHome = dir.resolve("home");

        Memberstat.Result run = Memberstat.nightly(longHome, inbox, RUN_DATE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(one(longHome, "select * from dim_submission where file_path = 'long-lines.csv'"))
                .containsEntry("rows_read", 7L).containsEntry("rows_loaded", 4L).containsEntry("rows_quarantined", 3L)
                .containsEntry("rows_duplicate", 0L);
        List<Map<String, Object>> quarantine = query(longHome,
                "select line_number, reason_code, raw_line from quarantine where file_path = 'long-lines.csv' order by line_number");
        assertThat(quarantine).extracting(r -> r.get("line_number") + " " + r.get("reason_code"))
                .containsExactly("3 LINE_TOO_LONG", "5 LINE_TOO_LONG", "10 UNKNOWN_UNIT");
        assertThat((String) quarantine.get(0).get("raw_line")).startsWith("HN.TX,2024-05,removed,total,1,aaa").hasSize(2001);
        assertThat(query(longHome, "select indicator_code, length(coalesce(comment, '')) as n from fct_reported_value order by line_number"))
                .extracting(r -> r.get("indicator_code") + " " + r.get("n"))
                .as("65,000 characters are under the limit").containsExactly("admitted 0", "deceased 0", "transferred_out 0",
                        "reviewed 65000");
    }

    private static String detail(String file) {
        return (String) one(home, "select detail from quarantine where file_path = '%s' and line_number is null".formatted(file))
                .get("detail");
    }

    private static Map<String, Object> quarantined(String file, int line) {
        List<Map<String, Object>> rows = query(home, "select * from quarantine where file_path = '%s' and line_number = %d"
                .formatted(file, line));
        assertThat(rows).as(file + " line " + line).isNotEmpty();
        return rows.get(0);
    }

    private static String valuesOf(String file) {
        return """
                select v.* from fct_reported_value v join dim_submission s using (submission_id)
                where s.file_path = '%s' order by v.line_number, v.indicator_code, v.category_code""".formatted(file);
    }

    private static Map<String, Object> value(String file, String indicator, String category) {
        return one(home, """
                select v.* from fct_reported_value v join dim_submission s using (submission_id)
                where s.file_path = '%s' and v.indicator_code = '%s' and v.category_code = '%s'""".formatted(file, indicator, category));
    }

    static List<String> reasonCodesOf(Stream<Case> cases) {
        return cases.flatMap(c -> c.refusal() != null ? Stream.of(c.refusal().name())
                : c.quarantined().stream().map(q -> q.substring(q.indexOf(' ') + 1))).distinct().sorted().toList();
    }

    @Test
    void theCorpusCoversEveryReasonCode() {
        assertThat(reasonCodesOf(cases()))
                .as("LINE_TOO_LONG is covered by the generated long-line file, OUTSIDE_INBOX by OutsideLinkTest (a link),"
                        + " ENCRYPTED and UNSUPPORTED_FORMAT by WorkbookNightlyTest (workbooks)")
                .containsAll(Arrays.stream(ReasonCode.values()).filter(r -> r != LINE_TOO_LONG && r != ReasonCode.OUTSIDE_INBOX
                        && r != ReasonCode.ENCRYPTED && r != ReasonCode.UNSUPPORTED_FORMAT).map(Enum::name).toList());
        assertThat(List.of(BAD_PERIOD, BAD_REGISTRY_ROW, BAD_VALUE, CONFLICTING_DUPLICATE, FUTURE_PERIOD, MALFORMED_ROW,
                PERIOD_NOT_ALLOWED, UNIT_NOT_ACTIVE, UNKNOWN_CATEGORY, UNKNOWN_INDICATOR, UNKNOWN_UNIT)).allSatisfy(r ->
                assertThat(count(home, "select * from quarantine where reason_code = '" + r.name() + "'")).as(r.name()).isPositive());
    }
}
