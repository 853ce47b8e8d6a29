package vn.memberstat.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.catalogue.Indicator;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.HeaderNumbers;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.Stage;
import vn.memberstat.run.StageWork;
import vn.memberstat.run.Uncommitted;
import vn.memberstat.lake.LakeWriter;
import vn.memberstat.common.PeriodKind;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.duckdb.WorkingWarehouse;

/**
 * Load: one transaction that takes the run's lake files, quarantine and registry rows into the
 * warehouse set-based ({@code read_parquet}), applies corrections, and checks row conservation per
 * file against the rows actually stored. A run already loaded is not loaded twice.
 */
public final class LoadTasklet implements StageWork {
    private final WorkingWarehouse warehouse;
    private final Catalogue catalogue;

    public LoadTasklet(WorkingWarehouse warehouse, Catalogue catalogue) {
        this.warehouse = warehouse;
        this.catalogue = catalogue;
    }

    @Override
    public Stage stage() {
        return Stage.LOAD;
    }

    @Override
    public boolean done(RunContext run) {
        return warehouse.runMarked(run.runId(), "loaded_at");
    }

    @Override
    public Uncommitted work(RunContext run, StepContribution contribution) {
        List<Path> lakeFiles = LakeWriter.files(run.lakeValues(), run.runId());
        WorkingWarehouse.Transaction transaction = warehouse.begin(run.runId());
        try {
            transaction.run(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "insert into etl_run (run_id, run_date) values (?, ?) on conflict do nothing")) {
                    s.setString(1, run.runId());
                    s.setObject(2, run.runDate());
                    s.execute();
                }
                refreshCatalogue(c);
                timed("stage the run's files", () -> stage(c, run, lakeFiles));
                SqlScript.of("load/load.sql").execute(c);
                SqlScript.of("load/dim_unit.sql").execute(c);
                timed("check each file is taken once", () -> checkTakenOnce(c, run.runId()));
                timed("check row conservation", () -> checkConservation(c, run.runId()));
                SqlScript.of("load/run_totals.sql").execute(c);
                SqlScript.of("load/load_cleanup.sql").execute(c);
            });
        } catch (RuntimeException e) {
            transaction.close();
            throw e;
        }
        return new Uncommitted() {
            @Override
            public void commit() {
                transaction.commit();
            }

            @Override
            public void close() {
                transaction.close();
            }
        };
    }

    @Override
    public void report(RunContext run, ExecutionContext job) {
        recordTotals(run.runId(), job);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LoadTasklet.class);

    private interface SqlAction {
        void run() throws SQLException;
    }

    /** Logs how long a part of the load took, as SqlScript does for each statement. */
    private static void timed(String what, SqlAction action) throws SQLException {
        long started = System.nanoTime();
        action.run();
        LOG.info("load: {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
    }

    private void refreshCatalogue(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("delete from dim_category");
            s.execute("delete from dim_indicator");
            s.execute("delete from dim_unit_type");
        }
        try (PreparedStatement ind = c.prepareStatement("insert into dim_indicator values (?, ?, ?, ?, ?, ?)");
                PreparedStatement cat = c.prepareStatement("insert into dim_category values (?, ?, ?, ?, ?)");
                PreparedStatement type = c.prepareStatement("insert into dim_unit_type values (?, ?, ?)")) {
            for (Indicator i : catalogue.indicators()) {
                ind.setString(1, i.code());
                ind.setString(2, i.labelVi());
                ind.setString(3, i.kind().name().toLowerCase(java.util.Locale.ROOT));
                ind.setString(4, i.periodKinds().stream().map(PeriodKind::code).sorted().collect(Collectors.joining("|")));
                ind.setString(5, i.integerValues() ? "count" : "rate");
                ind.setString(6, null);
                ind.addBatch();
                for (Indicator.Category k : i.categories()) {
                    cat.setString(1, i.code());
                    cat.setString(2, k.code());
                    cat.setString(3, k.labelVi());
                    cat.setInt(4, k.sortOrder());
                    cat.setBoolean(5, k.code().equals("total"));
                    cat.addBatch();
                }
            }
            for (var t : catalogue.unitTypes().entrySet()) {
                type.setString(1, t.getKey());
                type.setString(2, t.getValue());
                type.setString(3, catalogue.unitGroup(t.getKey()));
                type.addBatch();
            }
            ind.executeBatch();
            cat.executeBatch();
            type.executeBatch();
        }
    }

    private static void stage(Connection c, RunContext run, List<Path> lakeFiles) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (lakeFiles.isEmpty()) {
                s.execute("""
                        create or replace temp view stage_value as
                        select * from (values (null::varchar, null::bigint, null::varchar, null::varchar, null::varchar,
                            null::integer, null::integer, null::integer, null::integer, null::varchar, null::varchar,
                            null::double, null::varchar, null::bigint))
                            as t(submission_id, line_number, unit_code, period, period_kind, year, start_month, end_year,
                                 end_month, indicator_code, category_code, value, comment, quarantine_key)
                        where false""");
            } else {
                s.execute("create or replace temp view stage_value as select * from read_parquet(" + pathList(lakeFiles) + ")");
            }
            s.execute("create or replace temp table stage_quarantine as select * from read_parquet(" + SqlScript.literal(run.quarantine()) + ")");
            s.execute("""
                    create or replace temp table stage_registry as
                    select unit_code, cast(valid_from as date) as valid_from, unit_name, parent_code, level, unit_type,
                           cast(valid_to as date) as valid_to, successor_code, submission_id, line_number, quarantine_key
                    from read_parquet(%s)""".formatted(SqlScript.literal(run.registry())));
            s.execute("""
                    create or replace temp table stage_retried_duplicate as
                    select * from read_csv(%s, header = true, auto_detect = false, columns = {'quarantine_key': 'bigint'})"""
                    .formatted(SqlScript.literal(run.retriedDuplicates())));
            Path reasons = run.retriedReasons();
            s.execute(Files.exists(reasons) ? """
                    create or replace temp table stage_retried_reason as
                    select * from read_csv(%s, header = true, auto_detect = false, quote = '"', escape = '"',
                                           columns = {'quarantine_key': 'bigint', 'reason_code': 'varchar', 'detail': 'varchar'})"""
                    .formatted(SqlScript.literal(reasons))
                    // normalised by a version that did not write it: no reasons to change
                    : "create or replace temp table stage_retried_reason (quarantine_key bigint, reason_code varchar, detail varchar)");
            // a header line many files share is in the companion file, by number
            Path headers = HeaderNumbers.companionOf(run.submissions());
            boolean numbered = Files.exists(headers);   // else written before header numbers: every line inline
            s.execute("""
                    create or replace temp table stage_file as
                    select %s from read_csv(%s, header = true, auto_detect = false, quote = '"', escape = '"', columns = {
                        'submission_id': 'varchar', 'sha256': 'varchar', 'file_path': 'varchar', 'size_bytes': 'bigint',
                        'modified_at': 'timestamp', 'pulled_at': 'timestamp', 'layout': 'varchar', 'refused_reason': 'varchar',
                        'refused_detail': 'varchar', 'rows_read': 'bigint', 'rows_accepted': 'bigint',
                        'rows_quarantined': 'bigint', 'rows_duplicate': 'bigint', 'header_line': 'varchar',
                        'delimiter': 'varchar'%s}) s
                    %s""".formatted(
                    numbered ? "s.* exclude (header_id) replace (coalesce(s.header_line, h.header_line) as header_line)" : "s.*",
                    SqlScript.literal(run.submissions()), numbered ? ", 'header_id': 'integer'" : "",
                    numbered ? """
                            left join read_csv(%s, header = true, auto_detect = false, quote = '"', escape = '"',
                                               columns = {'header_id': 'integer', 'header_line': 'varchar'}) h using (header_id)"""
                            .formatted(SqlScript.literal(headers)) : ""));
        }
    }

    /**
     * Every row read must be loaded, quarantined or a duplicate, and the loaded and quarantined rows
     * must really be in the warehouse: the counts come from the reader, the rows from the tables.
     * The values counted are those this run added (its run_id prunes the scan to the newest row groups
     * of a many-year table): a file of this run must have gained all its loaded rows, a file of an
     * earlier run exactly its retried ones (what it stored before was checked by that run, and
     * fct_reported_value is never deleted from), and no other file any.
     */
    static void checkConservation(Connection c, String runId) throws SQLException {
        String sql = """
                with touched as (
                    select submission_id from dim_submission where run_id = getvariable('run_id')
                    union
                    select q.submission_id from stage_resolved r join quarantine_row q using (quarantine_key)
                ),
                added as (
                    select submission_id, count(*) as n
                    from fct_reported_value
                    where run_id = getvariable('run_id')
                    group by submission_id
                ),
                retried as (
                    select q.submission_id, count(*) as n
                    from retried_row v join quarantine_row q using (quarantine_key)
                    where not v.conflicting and not v.repeated
                    group by q.submission_id
                ),
                registry as (
                    select submission_id, count(*) as n from stage_registry where quarantine_key is null group by all
                ),
                quarantined as (
                    select submission_id, count(*) as n
                    from quarantine_row join touched using (submission_id)
                    where not is_resolved and line_number is not null
                    group by submission_id
                ),
                audited as (
                    select d.file_path, d.layout, d.run_id, d.rows_read, d.rows_loaded, d.rows_quarantined, d.rows_duplicate,
                           case when d.layout = 'registry' then coalesce(r.n, 0)
                                when d.run_id = getvariable('run_id') then coalesce(a.n, 0)
                                else d.rows_loaded - coalesce(t.n, 0) + coalesce(a.n, 0) end as rows_stored,
                           coalesce(q.n, 0) as rows_in_quarantine
                    from dim_submission d
                    join touched using (submission_id)
                    left join added a using (submission_id)
                    left join retried t using (submission_id)
                    left join registry r using (submission_id)
                    left join quarantined q using (submission_id)
                )
                select file_path, rows_read, rows_loaded, rows_quarantined, rows_duplicate, rows_stored, rows_in_quarantine
                from audited
                where rows_read <> rows_loaded + rows_quarantined + rows_duplicate
                   or (layout is distinct from 'registry' and rows_loaded <> rows_stored)
                   or (layout = 'registry' and run_id = getvariable('run_id') and rows_loaded <> rows_stored)
                   or rows_quarantined <> rows_in_quarantine
                union all
                select 'submission ' || submission_id || ' (not of this run)', 0, 0, 0, 0, n, 0
                from added anti join touched using (submission_id)
                order by 1""";
        List<String> broken = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                broken.add("%s: read %d, loaded %d, quarantined %d, duplicate %d; stored %d, in quarantine %d".formatted(
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
            }
        }
        if (!broken.isEmpty()) {
            throw new MemberstatException(ErrorCode.CONSERVATION_BROKEN, "run " + runId
                    + ": rows read != loaded + quarantined + duplicate, or the stored rows differ from the counts:\n  "
                    + String.join("\n  ", broken));
        }
    }

    /** Every file of this run is recorded once, and no earlier run took the same bytes (dim_submission has no index to say so). */
    private static void checkTakenOnce(Connection c, String runId) throws SQLException {
        String sql = """
                select 'submission ' || submission_id, count(*) from dim_submission semi join stage_file using (submission_id)
                group by submission_id having count(*) > 1
                union all
                select 'SHA-256 ' || sha256, count(*) from dim_submission semi join stage_file using (sha256)
                group by sha256 having count(*) > 1
                order by 1
                limit 10""";
        List<String> twice = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                twice.add(rs.getString(1) + " recorded " + rs.getLong(2) + " times");
            }
        }
        if (!twice.isEmpty()) {
            throw new MemberstatException(ErrorCode.CONSERVATION_BROKEN, "run " + runId + ": a file would be taken twice:\n  "
                    + String.join("\n  ", twice));
        }
    }

    private void recordTotals(String runId, ExecutionContext context) {
        String sql = "select files_pulled, files_refused, rows_read, rows_loaded, rows_quarantined, rows_duplicate, "
                + "rows_retried_loaded from etl_run where run_id = ?";
        try (PreparedStatement s = warehouse.connection().prepareStatement(sql)) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    context.putLong("files_pulled", rs.getLong(1));
                    context.putLong("files_refused", rs.getLong(2));
                    context.putLong("rows_read", rs.getLong(3));
                    context.putLong("rows_loaded", rs.getLong(4));
                    context.putLong("rows_quarantined", rs.getLong(5));
                    context.putLong("rows_duplicate", rs.getLong(6));
                    context.putLong("rows_retried", rs.getLong(7));
                }
            }
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot read etl_run: " + e.getMessage(), e);
        }
    }

    static String pathList(List<Path> files) {
        return files.stream().map(SqlScript::literal).collect(Collectors.joining(", ", "[", "]"));
    }
}
