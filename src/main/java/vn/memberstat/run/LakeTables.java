package vn.memberstat.run;

import static vn.memberstat.parquet.ParquetTable.bigint;
import static vn.memberstat.parquet.ParquetTable.dbl;
import static vn.memberstat.parquet.ParquetTable.integer;
import static vn.memberstat.parquet.ParquetTable.required;
import static vn.memberstat.parquet.ParquetTable.string;

import java.util.List;
import vn.memberstat.run.NormalisedValue;
import vn.memberstat.common.Period;
import vn.memberstat.run.Rejection;
import vn.memberstat.run.UnitVersion;
import vn.memberstat.parquet.ParquetTable;

/** The Parquet schemas the pipeline writes, and how a domain record becomes a row of each. */
public final class LakeTables {
    /**
     * Normalised values: {@code lake/values/year=YYYY/run-<run>[.<part>].parquet}. All but the last three are never null;
     * {@code sheet}, last, names a workbook's sheet (null for a CSV).
     */
    public static final ParquetTable VALUES = new ParquetTable("value", List.of(
            required(string("submission_id")), required(bigint("line_number")), required(string("unit_code")),
            required(string("period")), required(string("period_kind")), required(integer("year")),
            required(integer("start_month")), required(integer("end_year")), required(integer("end_month")),
            required(string("indicator_code")), required(string("category_code")), required(dbl("value")),
            string("comment"), bigint("quarantine_key"), string("sheet")));

    /** Quarantined rows of one run, staged for the load step. */
    public static final ParquetTable QUARANTINE = new ParquetTable("quarantine", List.of(
            string("submission_id"), string("file_path"), bigint("line_number"), string("raw_line"), string("reason_code"),
            string("detail"), string("unit_code"), string("period"), string("indicator"), string("category"),
            string("value_text"), string("comment"), string("sheet")));

    /** Registry rows accepted by one run, staged for the load step. */
    public static final ParquetTable REGISTRY = new ParquetTable("registry", List.of(
            string("unit_code"), string("valid_from"), string("unit_name"), string("parent_code"), integer("level"),
            string("unit_type"), string("valid_to"), string("successor_code"), string("submission_id"), bigint("line_number"),
            bigint("quarantine_key")));

    private LakeTables() {}

    public static Object[] valueRow(NormalisedValue v) {
        Period p = v.period();
        return new Object[] {v.submissionId(), v.lineNumber(), v.unitCode(), p.code(), p.kind().code(), p.year(),
            p.startMonth(), p.endYear(), p.endMonth(), v.indicator(), v.category(), v.value(), v.comment(), v.quarantineKey(),
            v.sheet()};
    }

    public static Object[] quarantineRow(Rejection r) {
        return new Object[] {r.submissionId(), r.filePath(), r.lineNumber(), r.rawLine(), r.reason().name(), r.detail(),
            r.unitCode(), r.period(), r.indicator(), r.category(), r.valueText(), r.comment(), r.sheet()};
    }

    public static Object[] registryRow(UnitVersion v, String submissionId, long lineNumber, Long quarantineKey) {
        return new Object[] {v.code(), v.validFrom().toString(), v.name(), v.parentCode(), v.level(), v.unitType(),
            v.validTo() == null ? null : v.validTo().toString(), v.successorCode(), submissionId, lineNumber, quarantineKey};
    }
}
