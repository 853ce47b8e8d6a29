package vn.memberstat.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.memberstat.catalogue.Catalogue;
import vn.memberstat.check.CheckTasklet;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.FileProblem;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.derive.DeriveTasklet;
import vn.memberstat.duckdb.WorkingWarehouse;
import vn.memberstat.load.LoadTasklet;
import vn.memberstat.publish.PublishTasklet;
import vn.memberstat.run.MemberstatProperties;
import vn.memberstat.run.RunContext;
import vn.memberstat.run.StageWork;

/**
 * Makes the warehouse again from {@code <home>/lake/} alone: every run of the lake, in the order its lake step
 * committed, through the same load, derive and check as the nightly job, into a new working warehouse beside the
 * old one ({@code <home>/rebuild/}); that one then takes the old one's place and is published. A failure leaves the
 * old warehouse as it was. The job repository learns each replayed run as completed, so {@code nightly} and
 * {@code backfill} do not run a date the warehouse already holds.
 */
@Component
public class Rebuild {
    static final String SCRATCH = "rebuild";
    private final MemberstatProperties properties;
    private final Catalogue catalogue;
    private final WorkingWarehouse warehouse;
    private final RebuiltRuns registered;

    public Rebuild(MemberstatProperties properties, Catalogue catalogue, WorkingWarehouse warehouse, RebuiltRuns registered) {
        this.properties = properties;
        this.catalogue = catalogue;
        this.warehouse = warehouse;
        this.registered = registered;
    }

    /** One run replayed, for the command's progress line. */
    public record Replayed(String runId, int number, int of) {}

    /** Rebuilds and publishes; returns the number of runs replayed. */
    public int run(Consumer<Replayed> each) throws Exception {
        Path home = properties.home();
        Path lake = home.resolve("lake");
        List<LakeRuns.LakeRun> runs = LakeRuns.read(lake);
        Path scratch = home.resolve(SCRATCH);
        deleteTree(scratch);   // what a rebuild that failed left
        Path built;
        try (WorkingWarehouse building = new WorkingWarehouse(scratch, properties.duckdbMemory(), properties.warehouseTemplateFile())) {
            List<StageWork> stages = List.of(new LoadTasklet(building, catalogue),
                    new DeriveTasklet(building, properties.bucketRows()), new CheckTasklet(building, properties.bucketRows(), properties.outlierThreshold()));
            int number = 0;
            for (LakeRuns.LakeRun lakeRun : runs) {
                RunContext run = context(home, lakeRun);
                LakeRuns.restage(lake, run);
                for (StageWork stage : stages) {
                    DetachedStages.commit(stage, run, SCRATCH);
                }
                each.accept(new Replayed(run.runId(), ++number, runs.size()));
            }
            try (Statement s = building.connection().createStatement()) {
                s.execute("checkpoint");   // the file complete on its own, without a write-ahead log
            }
            built = building.file();
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot checkpoint the rebuilt warehouse: " + e.getMessage(), e);
        }
        replaceWorkingWarehouse(built);
        RunContext last = context(home, runs.get(runs.size() - 1));
        DetachedStages.commit(new PublishTasklet(warehouse), last, SCRATCH);
        registered.completed(runs.stream().map(r -> context(home, r)).toList(), warehouse);
        deleteTree(scratch);
        return runs.size();
    }

    private static RunContext context(Path home, LakeRuns.LakeRun run) {
        // a replay reads no inbox: the run's files are in the lake
        return new RunContext(run.runId(), run.runDate(), home, home.resolve("lake"));
    }

    /** The rebuilt file in the working warehouse's place; a write-ahead log of the old one must not replay into it. */
    private void replaceWorkingWarehouse(Path built) {
        Path target = warehouse.file();
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".wal"));
            Files.move(built, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot put the rebuilt warehouse in place of " + target + ": "
                    + FileProblem.reason(e), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
