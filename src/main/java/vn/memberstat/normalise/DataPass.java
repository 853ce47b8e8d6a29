package vn.memberstat.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vn.memberstat.common.ErrorCode;
import vn.memberstat.common.MemberstatException;
import vn.memberstat.common.Progress;
import vn.memberstat.common.WorkerPool;
import vn.memberstat.read.Layout;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.read.XlsxWorkbook;
import vn.memberstat.run.PullManifest;
import vn.memberstat.run.PulledFile;
import vn.memberstat.run.Rejection;
import vn.memberstat.run.ValueLake;

/**
 * The data files of the manifest, read on the workers as the manifest is read and checked into the lake and the
 * quarantine; a large file is read by its worker and checked by the helpers, so that it keeps every core busy.
 */
final class DataPass {
    /** Files from this size on are checked by several threads (a backfill); smaller ones by the thread reading them. */
    static final long SPLIT_BYTES = 4L << 20;
    private final WorkerPool pool;
    private final HeaderLayouts layouts;
    private final DataFileNormaliser files;
    private final ValueLake.Writer lake;
    private final SubmissionOutcomes outcomes;
    private final Consumer<Rejection> rejections;
    private final Consumer<String> notes;
    private final WorkbookPass workbooks;
    private final RefusalCover cover;

    DataPass(WorkerPool pool, HeaderLayouts layouts, ValueNormaliser normaliser, ValueLake.Writer lake,
            SubmissionOutcomes outcomes, Consumer<Rejection> rejections, Consumer<String> notes) {
        this.pool = pool;
        this.layouts = layouts;
        this.files = new DataFileNormaliser(normaliser);
        this.lake = lake;
        this.outcomes = outcomes;
        this.rejections = rejections;
        this.notes = notes;
        this.workbooks = new WorkbookPass(files, lake::write, outcomes, rejections, notes);
        this.cover = new RefusalCover(layouts.maxLineChars());
    }

    /**
     * Takes every file of {@code manifest} but the registry files ({@code registryIds}), which the registry pass took or
     * left; a workbook whose registry sheets it read has their counts in {@code workbookRegistryParts}.
     */
    void run(Path manifest, Set<String> registryIds, Map<String, FileOutcome> workbookRegistryParts) throws InterruptedException {
        pool.forEach("the manifest", (Consumer<PulledFile> put) -> PullManifest.forEach(manifest, put), f -> {
            if (registryIds.contains(f.submissionId())) {
                Progress.advance(1);
                return;   // taken, or left for later, by the registry pass
            }
            try {
                take(f, workbookRegistryParts.get(f.submissionId()));
            } catch (IOException | InterruptedException e) {
                throw new MemberstatException(ErrorCode.STORAGE, "reading a submission failed: " + e, e);
            }
            Progress.advance(1);
        });
    }

    private void take(PulledFile f, FileOutcome registryPart) throws IOException, InterruptedException {
        if (ChangedSincePull.test(f, notes)) {
            outcomes.leave();
            return;
        }
        if (f.refused()) {
            outcomes.refuse(f, null, f.refusal(), f.refusalDetail(), null, cover.of(f, f.refusal()));
            return;
        }
        if (XlsxWorkbook.isWorkbook(f.relativePath())) {
            workbooks.take(f, f.sizeBytes() >= SPLIT_BYTES / 4 ? pool : null, registryPart);   // packed: a quarter of its text
            return;
        }
        HeaderLayouts.Detected d = layouts.detect(f);
        if (d.layout().isEmpty()) {
            outcomes.refuse(f, null, d.reason(), d.detail(), d.header(), cover.of(f, d.reason()));
            return;
        }
        if (d.layout().get() == Layout.REGISTRY) {   // it was not one in the registry pass: changed since
            notes.accept(ChangedSincePull.leftNote(f, "changed"));
            outcomes.leave();
            return;
        }
        try (SubmissionReader reader = layouts.open(f)) {
            FileOutcome outcome = files.process(f.submissionId(), f.relativePath(), d.layout().get(), reader, lake::write,
                    rejections, f.sizeBytes() >= SPLIT_BYTES ? pool : null);
            if (outcome.refusal() != null) {
                rejections.accept(Rejection.file(f.submissionId(), f.relativePath(), outcome.refusal(), outcome.refusalDetail()));
            }
            outcomes.record(f, outcome, d.header());
        } catch (IOException io) {
            throw new UncheckedIOException("cannot read " + f.path(), io);
        }
    }
}
