package vn.memberstat.read;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.memberstat.common.TextFold;

/**
 * Streams the records of one submission with Commons CSV: skips a byte-order mark, decodes with
 * the charset the pull step found, picks {@code ;} or {@code ,} from the header line, and
 * normalises every field to NFC. Never holds more than one record in memory.
 */
public final class SubmissionReader implements Closeable {
    private static final int SNIFF_CHARS = 1 << 16;
    private final BufferedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CSVFormat format;
    private final int maxLineChars;
    private final List<String> header;
    private long lastLine;
    private boolean finished;

    public SubmissionReader(Path file, Charset charset, int bomBytes, int maxLineChars) throws IOException {
        this.maxLineChars = maxLineChars;
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(bomBytes);
            this.reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
            char delimiter = sniffDelimiter(reader);
            this.format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .setTrim(false)
                    .get();
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            this.records = parser.iterator();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        SourceRow first = next();
        this.header = first == null || first.problem() != null ? List.of() : first.fields();
    }

    /** The header fields in NFC, or an empty list for an empty file. */
    public List<String> header() {
        return header;
    }

    public CSVFormat format() {
        return format;
    }

    /** The next record, or null at the end of the file. A malformed record ends the file. */
    public SourceRow next() {
        if (finished) {
            return null;
        }
        long start = lastLine + 1;
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                finished = true;
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV fails here on an unterminated quote: the rest of the file belongs to that record.
            finished = true;
            return new SourceRow(start, List.of(), format, SourceRow.Problem.MALFORMED,
                    "(unparseable from line " + start + " to the end of the file: " + rootMessage(e) + ")");
        }
        lastLine = parser.getCurrentLineNumber();
        List<String> fields = new ArrayList<>(record.size());
        long chars = record.size() - 1L;
        for (String value : record) {
            chars += value.length();
        }
        if (chars > maxLineChars) {
            String prefix = String.join(String.valueOf(format.getDelimiterString()), record.toList());
            return new SourceRow(start, List.of(), format, SourceRow.Problem.LINE_TOO_LONG,
                    prefix.substring(0, Math.min(prefix.length(), SourceRow.RAW_LINE_CHARS)) + "…");
        }
        for (String value : record) {
            fields.add(TextFold.nfc(value));
        }
        return new SourceRow(start, fields, format, null, null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** {@code ;} when the header line has more semicolons than commas outside quotes, else {@code ,}. */
    private static char sniffDelimiter(BufferedReader reader) throws IOException {
        reader.mark(SNIFF_CHARS);
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < SNIFF_CHARS; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        reader.reset();
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }
}
