package vn.memberstat.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.job.FaultInjector;
import vn.memberstat.job.MemberstatProperties;
import vn.memberstat.job.RunContext;
import vn.memberstat.job.RunNotes;
import vn.memberstat.job.Stage;
import vn.memberstat.warehouse.WorkingWarehouse;

/** Pull: lists the inbox and takes every file whose SHA-256 the warehouse has not seen, into the run's manifest. */
public final class PullTasklet implements Tasklet {
    private final MemberstatProperties properties;
    private final WorkingWarehouse warehouse;
    private final FaultInjector faults;

    public PullTasklet(MemberstatProperties properties, WorkingWarehouse warehouse, FaultInjector faults) {
        this.properties = properties;
        this.warehouse = warehouse;
        this.faults = faults;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunContext run = RunContext.of(chunk, properties);
        try {
            Files.createDirectories(run.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + run.runDir(), e);
        }
        InboxScanner.Scan scan = new InboxScanner().scan(run.inbox(), Instant.now(), properties.settleSeconds());
        List<String> notes = new ArrayList<>(scan.notes());
        Set<String> known = warehouse.knownHashes();
        Map<String, String> seen = new HashMap<>();
        FileInspector inspector = new FileInspector();
        List<PulledFile> pulled = new ArrayList<>();
        int alreadyTaken = 0;
        for (InboxScanner.Found found : scan.files()) {
            FileInspector.Inspection inspection;
            if (found.outsideTarget() != null) {
                // never read: identified by its path and target, so it is refused once, not every night
                String id = FileInspector.sha256Hex("symlink\0" + found.relativePath() + "\0" + found.outsideTarget());
                if (!known.contains(id) && seen.putIfAbsent(id, found.relativePath()) == null) {
                    pulled.add(new PulledFile(PulledFile.submissionIdOf(id), found.path(), found.relativePath(), 0,
                            found.modifiedAt(), id, null, 0, ReasonCode.OUTSIDE_INBOX,
                            "symbolic link to " + found.outsideTarget() + ", outside the inbox; not read"));
                }
                continue;
            }
            try {
                inspection = inspector.inspect(found.path(), found.sizeBytes(), properties.maxFileBytes());
            } catch (NoSuchFileException e) {
                notes.add("skipped " + found.relativePath() + ": it vanished before it could be read");
                continue;
            } catch (IOException e) {
                notes.add("skipped " + found.relativePath() + ": cannot read it: " + e.getMessage());
                continue;
            }
            if (known.contains(inspection.sha256())) {
                alreadyTaken++;
                continue;
            }
            String first = seen.putIfAbsent(inspection.sha256(), found.relativePath());
            if (first != null) {
                notes.add("skipped " + found.relativePath() + ": same content as " + first + ", taken once");
                continue;
            }
            pulled.add(new PulledFile(PulledFile.submissionIdOf(inspection.sha256()), found.path(), found.relativePath(),
                    found.sizeBytes(), found.modifiedAt(), inspection.sha256(),
                    inspection.charset() == null ? null : inspection.charset().name(), inspection.bomBytes(),
                    inspection.refusal(), inspection.detail()));
        }
        faults.at(Stage.PULL);
        PullManifest.write(run.pulledManifest(), pulled);
        RunNotes.write(run.notes(), notes);
        chunk.getStepContext().getStepExecution().getExecutionContext().putInt("files_already_taken", alreadyTaken);
        contribution.getStepExecution().setReadCount(pulled.size());
        return RepeatStatus.FINISHED;
    }
}
