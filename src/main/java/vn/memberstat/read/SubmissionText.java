package vn.memberstat.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text of a submission file: decoded with the charset the pull step found, after its byte-order marks. */
final class SubmissionText {
    /** Most submissions are a few kilobytes; the reader grows the buffer for a longer header line. */
    private static final int BUFFER_CHARS = 1 << 13;

    private SubmissionText() {}

    /**
     * The file's text after its byte-order mark, with bytes the charset cannot decode replaced. A second
     * mark, as tools write when they add one to a file that has one already, is skipped too: it would
     * otherwise hide the first column's name.
     */
    static BufferedReader open(Path file, Charset charset, int bomBytes) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(bomBytes);
            BufferedReader text = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), BUFFER_CHARS);
            text.mark(1);
            while (text.read() == '\uFEFF') {
                text.mark(1);
            }
            text.reset();
            return text;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
