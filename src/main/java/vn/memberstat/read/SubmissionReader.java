package vn.memberstat.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
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
 *
 * <p>A record Commons CSV cannot split (text after a closing quote, a quote that is never closed)
 * becomes one {@link SourceRow.Problem#MALFORMED} row holding its raw text. Reading goes on after
 * it, with the line numbers kept: only a quote that is never closed takes the rest of the file.
 */
public final class SubmissionReader implements RowSource {
    private final Path file;
    private final Charset charset;
    private final int bomBytes;
    private final CSVFormat format;
    private final int maxLineChars;
    private final List<String> header;
    private BufferedReader reader;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    /** Physical lines before the current parser's first line: it restarts after a malformed record. */
    private long lineOffset;
    private long lastLine;
    private boolean finished;

    public SubmissionReader(Path file, Charset charset, int bomBytes, int maxLineChars) throws IOException {
        this.file = file;
        this.charset = charset;
        this.bomBytes = bomBytes;
        this.maxLineChars = maxLineChars;
        this.reader = SubmissionText.open(file, charset, bomBytes);
        SourceRow first;
        try {
            this.format = format(Separator.sniff(reader));
            startParser();
            first = next();
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        if (first == null) {
            this.header = List.of();
        } else if (first.problem() != null) {
            // A header that cannot be split is kept as its raw text: one field, which matches no layout.
            this.header = List.of(first.raw());
        } else {
            this.header = first.fields();
        }
    }

    /**
     * The header fields in NFC; an empty list for an empty file. A header row that cannot be split
     * into fields is returned as one field holding its raw text, so that it matches no layout.
     */
    public List<String> header() {
        return header;
    }

    public CSVFormat format() {
        return format;
    }

    /** The next record, or null at the end of the file. */
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
            return malformed(start, rootMessage(e));
        }
        lastLine = lineOffset + parser.getCurrentLineNumber();
        // the record's own array: iterating a CSVRecord builds a list through a stream, twice a row
        String[] values = record.values();
        long chars = values.length - 1L;
        for (String value : values) {
            chars += value.length();
        }
        if (chars > maxLineChars) {
            String prefix = String.join(String.valueOf(format.getDelimiterString()), record.toList());
            return new SourceRow(start, List.of(), format, SourceRow.Problem.LINE_TOO_LONG,
                    prefix.substring(0, Math.min(prefix.length(), SourceRow.RAW_LINE_CHARS)) + "…");
        }
        List<String> fields = new ArrayList<>(values.length);
        for (String value : values) {
            fields.add(TextFold.nfc(value));
        }
        return new SourceRow(start, fields, format, null, null);
    }

    /**
     * The record starting on line {@code start} could not be split. Reads it again from the file to
     * find where it ends and what it says, then goes on with a new parser after it.
     */
    private SourceRow malformed(long start, String why) {
        closeParser();
        BadRecord bad;
        try {
            reader = SubmissionText.open(file, charset, bomBytes);
            PhysicalLines.skip(reader, start - 1);
            bad = BadRecord.scan(reader, format.getDelimiterString().charAt(0), SourceRow.RAW_LINE_CHARS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " again after the malformed record on line " + start, e);
        }
        long end = start + bad.lineBreaksInside();
        lastLine = end;
        String where = end == start ? "line " + start : "lines " + start + " to " + end;
        String detail = bad.endOfFile() && bad.openQuote()
                ? "a quote opened on line " + start + " is never closed, so " + where + " (the rest of the file) are one field: " + why
                : where + " cannot be split into fields: " + why;
        if (bad.endOfFile()) {
            finished = true;
        } else {
            lineOffset = end;
            startParser();
        }
        return new SourceRow(start, List.of(), format, SourceRow.Problem.MALFORMED, bad.raw(), detail);
    }

    private void startParser() throws UncheckedIOException {
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        this.records = parser.iterator();
    }

    private void closeParser() {
        try {
            parser.close();
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The format this reader reads (and writes raw lines back in) for a separator, {@code ;} or {@code ,}. */
    public static CSVFormat format(char delimiter) {
        return Separator.format(delimiter);
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }

    /**
     * The header fields of a first line without quotes, as this reader would give them (a second byte-order
     * mark dropped, NFC); empty when the line is blank or has a quote, for the reader to work out.
     */
    public static List<String> headerOf(String line) {
        String s = line == null ? "" : line;
        while (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        if (s.isBlank() || s.indexOf('"') >= 0) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        for (String field : s.split(java.util.regex.Pattern.quote(String.valueOf(delimiterOf(s))), -1)) {
            fields.add(TextFold.nfc(field));
        }
        return fields;
    }

    /** The separator {@link #headerOf} split the line on. */
    public static char delimiterOf(String line) {
        return Separator.ofLine(line);
    }
}
