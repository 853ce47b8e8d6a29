package vn.memberstat.normalise;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.memberstat.common.ReasonCode;
import vn.memberstat.read.Layout;
import vn.memberstat.read.LayoutDetector;
import vn.memberstat.read.SubmissionReader;
import vn.memberstat.run.PulledFile;

/**
 * The layout of each pulled file, settled by the header line the pull took when it has no quotes (a national
 * month has a handful of distinct ones among its 52,000 files, each looked at once), otherwise by opening the file.
 */
final class HeaderLayouts {
    /** Header lines remembered at the most; beyond them a line is looked at again for each file. */
    private static final int REMEMBERED = 10_000;
    private final int maxLineChars;
    private final Map<String, PlainHeader> plainHeaders = new ConcurrentHashMap<>();

    HeaderLayouts(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    int maxLineChars() {
        return maxLineChars;
    }

    /** A file's layout and the header recorded for it; a file without one is refused with {@code reason}. */
    record Detected(Optional<Layout> layout, List<String> header, ReasonCode reason, String detail) {}

    /** What a header line without quotes says: its layout, and the header and delimiter recorded for the file. */
    private record PlainHeader(Optional<Layout> layout, List<String> recorded) {
        static PlainHeader of(String line) {
            List<String> fields = SubmissionReader.headerOf(line);
            char delimiter = SubmissionReader.delimiterOf(line);
            return new PlainHeader(LayoutDetector.detect(fields), List.of(
                    SubmissionReader.format(delimiter).format(fields.toArray()),
                    String.valueOf(delimiter)));
        }
    }

    /** The layout of a file whose header line the pull took and had no quotes: no need to open it. */
    Optional<Layout> plainLayout(PulledFile f) {
        return plainHeader(f).flatMap(PlainHeader::layout);
    }

    private Optional<PlainHeader> plainHeader(PulledFile f) {
        if (f.headerLine() == null) {
            return Optional.empty();
        }
        PlainHeader plain = plainHeaders.get(f.headerLine());
        if (plain == null) {
            plain = PlainHeader.of(f.headerLine());
            if (plainHeaders.size() < REMEMBERED) {
                plainHeaders.put(f.headerLine(), plain);
            }
        }
        return Optional.of(plain);
    }

    /** The file's layout, from its header line or else from the file itself. */
    Detected detect(PulledFile f) throws IOException {
        Optional<PlainHeader> plain = plainHeader(f);
        if (plain.isPresent() && plain.get().layout().isPresent()) {
            return new Detected(plain.get().layout(), plain.get().recorded(), null, null);
        }
        try (SubmissionReader reader = open(f)) {
            List<String> header = reader.header();
            List<String> recorded = header.isEmpty() ? null
                    : List.of(reader.format().format(header.toArray()), reader.format().getDelimiterString());
            Optional<Layout> layout = LayoutDetector.detect(header);
            if (layout.isPresent()) {
                return new Detected(layout, recorded, null, null);
            }
            return header.isEmpty() ? new Detected(layout, recorded, ReasonCode.EMPTY_FILE, "the file has no header row")
                    : new Detected(layout, recorded, ReasonCode.UNKNOWN_LAYOUT,
                            "header " + header + " matches none of the registry, long or report-form layouts");
        }
    }

    /** A reader of the pulled file, in the encoding the pull found and past its byte-order marks. */
    SubmissionReader open(PulledFile f) throws IOException {
        return new SubmissionReader(f.path(), Charset.forName(f.charset()), f.bomBytes(), maxLineChars);
    }
}
