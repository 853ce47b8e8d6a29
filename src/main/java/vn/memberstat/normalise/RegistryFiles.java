package vn.memberstat.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import vn.memberstat.read.Layout;
import vn.memberstat.read.XlsxWorkbook;
import vn.memberstat.run.PullManifest;
import vn.memberstat.run.PulledFile;

/**
 * The registry files taken, in the order submitted, the submission ids of every registry file (taken or left for
 * a later run), and how many files the manifest lists.
 */
record RegistryFiles(List<Taken> taken, Set<String> ids, long manifestFiles) {

    /** A registry file taken, with the header recorded for it. */
    record Taken(PulledFile file, List<String> header) {}

    /** A first pass over the manifest: registry files decide which units exist, so they are read before any data file. */
    static RegistryFiles find(Path manifest, HeaderLayouts layouts, Consumer<String> notes, SubmissionOutcomes outcomes) {
        List<Taken> taken = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long[] files = {0};
        PullManifest.forEach(manifest, f -> {
            files[0]++;
            if (f.refused() || XlsxWorkbook.isWorkbook(f.relativePath())) {
                return;   // a workbook's sheets are read by the data pass
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
        });
        taken.sort(Comparator.comparing((Taken r) -> r.file().modifiedAt()).thenComparing(r -> r.file().relativePath()));
        return new RegistryFiles(taken, ids, files[0]);
    }
}
