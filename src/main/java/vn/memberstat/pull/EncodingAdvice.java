package vn.memberstat.pull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Optional;

/**
 * What to tell a unit whose CSV is not UTF-8: the line of the first bad byte, and the code page the bytes fit. Excel's
 * plain "CSV" in a Vietnamese Windows is Windows-1258, whose tone marks are combining bytes after the letter; in a
 * Western Windows it is Windows-1252, which has no Vietnamese letters beyond a few with Western accents.
 */
public final class EncodingAdvice {
    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final String SAVE_AS = "in Excel choose Save As → CSV UTF-8 (Comma delimited) and send the file again";
    /** The bytes looked at to guess: enough for any submission's texts. */
    private static final int SAMPLE = 1 << 20;

    private EncodingAdvice() {}

    /** The refusal's detail for a UTF-8 file whose byte at {@code offset} after its byte-order mark ({@code bom} bytes) does not decode. */
    static String utf8(Path file, long offset, int bom) {
        String where = "bytes at offset " + offset;
        String guess = null;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] sample = in.readNBytes(SAMPLE);
            long lines = 1;
            long end = bom + offset;
            for (int i = 0; i < Math.min(end, sample.length); i++) {
                lines += sample[i] == '\n' ? 1 : 0;
            }
            for (long i = sample.length; i < end; i++) {   // a bad byte past the sample: rare, counted on
                int b = in.read();
                if (b < 0) {
                    break;
                }
                lines += b == '\n' ? 1 : 0;
            }
            where += " (line " + lines + ")";
            guess = guess(sample);
        } catch (IOException e) {
            // the file went away since it was hashed: the offset alone still says where
        }
        return where + " are not valid UTF-8; " + (guess == null
                ? "the file is in another encoding: " + SAVE_AS
                : "it looks like " + guess + ": " + SAVE_AS);
    }

    /**
     * The code page {@code file}'s bytes fit, Windows-1258 or 1252, or empty: a refused file is read with it for the
     * units and periods it covers, never for its values.
     */
    public static Optional<Charset> codePage(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        }
        String guess = guess(sample);
        return guess == null ? Optional.empty()
                : Optional.of(guess.startsWith("Windows-1258") ? WINDOWS_1258 : WINDOWS_1252);
    }

    /** {@code Windows-1258 (Vietnamese Windows)}, {@code Windows-1252 (Western Windows)} or null when the bytes fit neither. */
    static String guess(byte[] bytes) {
        String vietnamese = decode(bytes, WINDOWS_1258);
        String composed = vietnamese == null ? null : Normalizer.normalize(vietnamese, Normalizer.Form.NFC);
        if (composed != null && onlyVietnamese(composed) && vietnameseShare(composed) >= 0.5) {
            return "Windows-1258 (Vietnamese Windows)";
        }
        String western = decode(bytes, WINDOWS_1252);
        if (western != null && latinLettersOnly(western)) {
            return "Windows-1252 (Western Windows)";
        }
        return null;
    }

    /** Of the characters beyond ASCII, the share that are Vietnamese letters once tone marks are composed. */
    static double vietnameseShare(String text) {
        int beyond = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            beyond++;
            if ((c >= 0x1EA0 && c <= 0x1EF9) || "ăâđêôơưĂÂĐÊÔƠƯàáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝĩũĨŨ".indexOf(c) >= 0) {
                letters++;
            }
        }
        return beyond == 0 ? 0 : (double) letters / beyond;
    }

    /** True when the text has a letter only Vietnamese uses (ă, ơ, ư, đ, or a composed tone mark), which 1252 lacks. */
    private static boolean onlyVietnamese(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x1EA0 && c <= 0x1EF9) || "ăơưđĂƠƯĐĩũĨŨ".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean latinLettersOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && !Character.isLetter(c) && "€‚„…†‡‰‹›‘’“”•–—™°±²³´µ¶·¸¹º»¼½¾¿×÷«¡¢£¤¥¦§¨©ª¬®¯".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
