package vn.memberstat.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Whether a workbook's texts may hold a word, by a byte search of its packed parts, without POI: opening a workbook
 * with POI costs about as much as reading a small one, and a national month is 52,000 of them. Texts are in the
 * table of shared strings (searched up to {@link XlsxWorkbook#MAX_SHARED_STRINGS_BYTES}, the limit a workbook is read
 * with) or inline in a sheet, whose first row lies in its first {@link #SHEET_BYTES}. Only a false answer is
 * certain; a workbook that cannot be scanned may hold the word.
 */
public final class XlsxTextScan {
    static final int SHEET_BYTES = 1 << 20;
    private static final int MAX_ENTRIES = 1000;

    private XlsxTextScan() {}

    /** False when no shared string and no sheet's first {@link #SHEET_BYTES} hold {@code word} (ASCII, any case). */
    public static boolean mayHold(Path file, String word) {
        byte[] lower = word.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                return true;
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName().toLowerCase(Locale.ROOT);
                long limit = name.endsWith("sharedstrings.xml") ? XlsxWorkbook.MAX_SHARED_STRINGS_BYTES
                        : name.startsWith("xl/worksheets/") && name.endsWith(".xml") ? SHEET_BYTES : 0;
                if (limit > 0 && holds(zip, e, lower, limit)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;   // POI decides, and refuses it if need be
        }
    }

    private static boolean holds(ZipFile zip, ZipEntry e, byte[] word, long limit) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] buffer = new byte[1 << 16];
            int matched = 0;
            long read = 0;
            int n;
            while (read < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - read))) > 0) {
                read += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i] >= 'A' && buffer[i] <= 'Z' ? (byte) (buffer[i] + 32) : buffer[i];
                    matched = b == word[matched] ? matched + 1 : b == word[0] ? 1 : 0;
                    if (matched == word.length) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
