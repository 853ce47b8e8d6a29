package vn.memberstat.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import vn.memberstat.common.HeaderNumbers;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.run.RunContext;

/**
 * The run's files as the load's stage tables (load/load.sql reads them): the view stage_value on its lake files,
 * and stage_quarantine, stage_registry, stage_retried_duplicate, stage_retried_reason and stage_file. Each is made by
 * a file of {@code warehouse-sql/load/stage/}, which reads the file a DuckDB variable names; what the run wrote
 * decides which of two such files makes a table.
 */
final class RunStaging {
    private RunStaging() {}

    static void stage(Connection c, RunContext run, List<Path> lakeFiles) throws SQLException {
        Path reasons = run.retriedReasons();
        // a header line many files share is in the companion file, by number
        Path headers = HeaderNumbers.companionOf(run.submissions());
        try (Statement s = c.createStatement()) {
            set(s, "stage_value_files", lakeFiles.stream().map(SqlScript::literal).collect(Collectors.joining(", ", "[", "]")));
            set(s, "stage_quarantine_file", SqlScript.literal(run.quarantine()));
            set(s, "stage_registry_file", SqlScript.literal(run.registry()));
            set(s, "stage_retried_duplicates_file", SqlScript.literal(run.retriedDuplicates()));
            set(s, "stage_retried_reasons_file", SqlScript.literal(reasons));
            set(s, "stage_submissions_file", SqlScript.literal(run.submissions()));
            set(s, "stage_headers_file", SqlScript.literal(headers));
        }
        script(lakeFiles.isEmpty() ? "value_none.sql" : "value.sql").execute(c);
        script("quarantine.sql").execute(c);
        script("registry.sql").execute(c);
        script("retried_duplicate.sql").execute(c);
        // normalised by a version that did not write it: no reasons to change
        script(Files.exists(reasons) ? "retried_reason.sql" : "retried_reason_none.sql").execute(c);
        script("file_columns.sql").execute(c);
        // else written before header numbers: every line inline
        script(Files.exists(headers) ? "file.sql" : "file_inline_headers.sql").execute(c);
    }

    private static void set(Statement s, String variable, String value) throws SQLException {
        s.execute("set variable " + variable + " = " + value);
    }

    private static SqlScript script(String file) {
        return SqlScript.of("load/stage/" + file);
    }
}
