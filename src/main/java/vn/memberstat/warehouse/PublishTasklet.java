package vn.memberstat.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.job.FaultInjector;
import vn.memberstat.job.MemberstatProperties;
import vn.memberstat.job.RunContext;
import vn.memberstat.job.Stage;

/**
 * Publish: checkpoints the working warehouse, copies its file, and renames the copy over
 * {@code <home>/warehouse.duckdb}. An analyst holding the old file open keeps reading the old copy;
 * nobody ever sees a half-written one. A byte copy costs a small part of re-writing the database
 * ({@code COPY FROM DATABASE}), and the working file's storage format is already one DuckDB 1.4 reads.
 */
public final class PublishTasklet implements Tasklet {
    public static final String PUBLISHED = "warehouse.duckdb";
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;
    private final FaultInjector faults;

    public PublishTasklet(MemberstatProperties properties, WorkingWarehouse warehouse, FaultInjector faults) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.faults = faults;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunContext run = RunContext.of(chunk, properties);
        publish(run.home());
        return RepeatStatus.FINISHED;
    }

    public void publish(Path home) {
        Path target = home.resolve(PUBLISHED);
        Path temp = home.resolve("." + PUBLISHED + ".publishing");
        try {
            try (Statement s = warehouse.connection().createStatement()) {
                s.execute("checkpoint");
            }
            Files.copy(warehouse.file(), temp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            faults.at(Stage.PUBLISH);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (SQLException e) {
            throw new MemberstatException(ErrorCode.STORAGE, "cannot checkpoint the working warehouse: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new MemberstatException(ErrorCode.HOME_UNWRITABLE, "cannot publish " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path temp, IOException cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

}
