package vn.memberstat.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.memberstat.check.CheckTasklet;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.derive.DeriveTasklet;
import vn.memberstat.duckdb.SqlScript;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.lake.LakeWriter;
import vn.memberstat.publish.PublishTasklet;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.StageWork;

/**
 * Reloads one data file's values from the lake into the warehouse (reprocess/reload.sql), ranks its units and
 * periods again, checks every loaded row came back, then derives and checks again the scope of each run that
 * loaded its rows, and publishes. Its audit row and quarantined rows stay as they are.
 */
@Component
public class Reprocess {
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;

    public Reprocess(MemberstatProperties properties, WorkingWarehouse warehouse) {
        this.properties = properties;
        this.warehouse = warehouse;
    }

    /** What was reloaded: the file, its rows, and the runs whose scope was derived and checked again. */
    public record Reloaded(String submissionId, String filePath, long rows, List<String> runs) {}

    private record Submission(String filePath, String runId, String layout, String refusedReason, long rowsLoaded,
            List<String> runs) {}

    public Reloaded run(String submissionId) throws Exception {
        Submission s = find(submissionId);
        List<Path> files = new ArrayList<>();
        for (String run : s.runs()) {
            files.addAll(LakeWriter.files(properties.home().resolve("lake").resolve("values"), run));
        }
        if (files.isEmpty()) {
            throw new MemberstatException(ErrorCode.RUN_FAILED, "the lake holds no values of run " + s.runId()
                    + ", which read submission " + submissionId + " (" + s.filePath() + ")");
        }
        warehouse.inTransaction(s.runId(), c -> {
            try (Statement st = c.createStatement()) {
                DetachedStages.setVariable(c, "submission_id", submissionId);
                DetachedStages.setVariable(c, "read_run_id", s.runId());
                st.execute("set variable lake_files = "
                        + files.stream().map(SqlScript::literal).collect(Collectors.joining(", ", "[", "]")));
            }
            SqlScript.of("reprocess/reload.sql").execute(c);
            SqlScript.of("load/current_values.sql").execute(c);
            requireEveryRow(c, submissionId);
        });
        for (String run : s.runs()) {
            RunContext context = context(run);
            commit(new DeriveTasklet(warehouse, properties.bucketRows()), context);
            commit(new CheckTasklet(warehouse, properties.bucketRows(), properties.outlierThreshold()), context);
        }
        commit(new PublishTasklet(warehouse), context(s.runId()));
        return new Reloaded(submissionId, s.filePath(), s.rowsLoaded(), s.runs());
    }

    private Submission find(String submissionId) throws SQLException {
        Connection c = warehouse.connection();
        DetachedStages.setVariable(c, "submission_id", submissionId);
        try (PreparedStatement st = c.prepareStatement(SqlScript.of("reprocess/submission.sql").query());
                ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new MemberstatException(ErrorCode.USAGE, "no submission '" + submissionId + "' in dim_submission"
                        + " (its submission_id: the first 16 hex digits of the file's SHA-256)");
            }
            Set<String> runs = new LinkedHashSet<>(List.of(rs.getString(2)));
            if (rs.getString(6) != null) {
                runs.addAll(Arrays.asList(rs.getString(6).split(",")));
            }
            Submission s = new Submission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                    List.copyOf(runs));
            if (s.refusedReason() != null) {
                throw new MemberstatException(ErrorCode.USAGE, "submission " + submissionId + " (" + s.filePath()
                        + ") was refused (" + s.refusedReason() + "): it has no rows to reload");
            }
            if ("registry".equals(s.layout())) {
                throw new MemberstatException(ErrorCode.USAGE, "submission " + submissionId + " (" + s.filePath()
                        + ") is a unit registry file, not values: rebuild reloads registry versions from the lake");
            }
            return s;
        }
    }

    private static void requireEveryRow(Connection c, String submissionId) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlScript.of("reprocess/reloaded.sql").query())) {
            if (rs.next()) {
                throw new MemberstatException(ErrorCode.CONSERVATION_BROKEN, "submission " + submissionId + ": the warehouse"
                        + " counts " + rs.getLong(1) + " loaded rows, the lake gives back " + rs.getLong(2)
                        + "; nothing was changed");
            }
        }
    }

    private RunContext context(String runId) {
        return new RunContext(runId, LocalDate.parse(runId), properties.home(), properties.home().resolve("lake"));
    }

    private static void commit(StageWork stage, RunContext run) throws Exception {
        DetachedStages.commit(stage, run, "reprocess");
    }
}
