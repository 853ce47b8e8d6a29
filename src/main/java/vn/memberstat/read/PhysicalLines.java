package vn.memberstat.read;

import java.io.BufferedReader;
import java.io.IOException;

/** Physical lines of a submission's text as Commons CSV counts them: CR, LF and CRLF each end one. */
final class PhysicalLines {
    private PhysicalLines() {}

    /** Skips {@code lines} physical lines, or to the end of the text if it has fewer. */
    static void skip(BufferedReader reader, long lines) throws IOException {
        long seen = 0;
        while (seen < lines) {
            int c = reader.read();
            if (c < 0) {
                return;
            }
            if (c == '\n') {
                seen++;
            } else if (c == '\r') {
                seen++;
                skipLineFeed(reader);
            }
        }
    }

    /** After a CR: skips the LF that makes it a CRLF, if one follows. */
    static void skipLineFeed(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\n') {
            reader.reset();
        }
    }
}
