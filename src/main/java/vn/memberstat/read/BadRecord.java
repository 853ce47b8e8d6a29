package vn.memberstat.read;

import java.io.BufferedReader;
import java.io.IOException;
import vn.memberstat.common.TextFold;

/**
 * Where a record that Commons CSV could not split ends, following RFC 4180 as Commons CSV does:
 * a quote opens a quoted field only at the start of a field, and a line break ends the record
 * only outside quotes.
 */
record BadRecord(String raw, long lineBreaksInside, boolean endOfFile, boolean openQuote) {
    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN }

    /** Reads the record from where {@code reader} stands, keeping its first {@code keep} characters as the raw text. */
    static BadRecord scan(BufferedReader reader, char delimiter, int keep) throws IOException {
        StringBuilder raw = new StringBuilder();
        State state = State.FIELD_START;
        long breaks = 0;
        boolean truncated = false;
        boolean lastWasBreak = false;
        while (true) {
            int c = reader.read();
            if (c < 0) {
                // a line break just before the end of the file starts no further line
                long lines = lastWasBreak ? breaks - 1 : breaks;
                return new BadRecord(text(raw, truncated), lines, true, state == State.QUOTED);
            }
            boolean lineBreak = c == '\r' || c == '\n';
            lastWasBreak = lineBreak;
            if (lineBreak && state != State.QUOTED) {
                if (c == '\r') {
                    PhysicalLines.skipLineFeed(reader);
                }
                return new BadRecord(text(raw, truncated), breaks, false, false);
            }
            if (raw.length() < keep) {
                raw.append((char) c);
            } else {
                truncated = true;
            }
            if (lineBreak) {
                breaks++;
                if (c == '\r') {
                    reader.mark(1);
                    if (reader.read() == '\n') {
                        if (raw.length() < keep) {
                            raw.append('\n');
                        }
                    } else {
                        reader.reset();
                    }
                }
                continue;
            }
            state = switch (state) {
                case FIELD_START -> c == '"' ? State.QUOTED : c == delimiter ? State.FIELD_START : State.UNQUOTED;
                case UNQUOTED -> c == delimiter ? State.FIELD_START : State.UNQUOTED;
                case QUOTED -> c == '"' ? State.QUOTE_SEEN : State.QUOTED;
                case QUOTE_SEEN -> c == '"' ? State.QUOTED : c == delimiter ? State.FIELD_START : State.UNQUOTED;
            };
        }
    }

    private static String text(StringBuilder raw, boolean truncated) {
        return TextFold.nfc(raw.toString()) + (truncated ? "…" : "");
    }
}
