package vn.memberstat.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import vn.memberstat.common.WorkerPool;
import vn.memberstat.read.Layout;
import vn.memberstat.run.PullManifest;
import vn.memberstat.run.PulledFile;

/**
 * The registry files taken, in the order submitted, the submission ids of every registry file (taken or left for
 * a later run) that the data pass leaves alone, and how many files the manifest lists. A workbook with a registry
 * sheet is taken too; one that also has data sheets is not among the ids: the data pass reads those sheets.
 */
record RegistryFiles(List<Taken> taken, Set<String> ids, long manifestFiles) {

    /** A registry file (or workbook) taken, with the header recorded for it; {@code dataSheetsToo} for a mixed workbook. */
    record Taken(PulledFile file, List<String> header, boolean workbook, boolean dataSheetsToo) {
        Taken(PulledFile file, List<String> header) {
            this(file, header, false, false);
        }
    }

    /**
     * A first pass over the manifest: registry files decide which units exist, so they are read before any data file.
     * On {@code threads} workers: a workbook is opened to look at its sheets' first rows.
     */
    static RegistryFiles find(Path manifest, HeaderLayouts layouts, Consumer<String> notes, SubmissionOutcomes outcomes,
            int threads) throws InterruptedException {
        List<Taken> taken = Collections.synchronizedList(new ArrayList<>());
        Set<String> ids = ConcurrentHashMap.newKeySet();
        LongAdder files = new LongAdder();
        try (WorkerPool pool = new WorkerPool(threads)) {
            pool.forEach("the manifest", (Consumer<PulledFile> put) -> PullManifest.forEach(manifest, put), f -> {
                files.increment();
                if (!f.refused()) {
                    look(f, layouts, notes, outcomes, taken, ids);
                }
            });
        }
        List<Taken> ordered = new ArrayList<>(taken);
        ordered.sort(Comparator.comparing((Taken r) -> r.file().modifiedAt()).thenComparing(r -> r.file().relativePath()));
        return new RegistryFiles(ordered, ids, files.sum());
    }

    private static void look(PulledFile f, HeaderLayouts layouts, Consumer<String> notes, SubmissionOutcomes outcomes,
            List<Taken> taken, Set<String> ids) {
        if (RegistrySheets.isWorkbook(f)) {
            if (!ChangedSincePull.test(f, note -> { })) {   // one changed is noted and left by the data pass
                RegistrySheets.probe(f).ifPresent(t -> {
                    if (!t.dataSheetsToo()) {
                        ids.add(f.submissionId());
                    }
                    taken.add(t);
                });
            }
            return;
        }
        Optional<Layout> plain = layouts.plainLayout(f);
        if (plain.isPresent() && plain.get() != Layout.REGISTRY) {
            return;
        }
        if (plain.isPresent()) {
            ids.add(f.submissionId());
            if (ChangedSincePull.test(f, notes)) {
                outcomes.leave();
                return;
            }
        } else if (ChangedSincePull.test(f, note -> { })) {
            return;   // not opened: the data pass notes it
        }
        try {
            HeaderLayouts.Detected d = layouts.detect(f);   // a file the header line did not settle is opened
            if (d.layout().orElse(null) == Layout.REGISTRY) {
                ids.add(f.submissionId());
                taken.add(new Taken(f, d.header()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        }
    }
}
