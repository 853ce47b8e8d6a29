package vn.memberstat.common;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text normalisation shared by the readers: NFC for stored text, a diacritic-free fold for matching. */
public final class TextFold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");

    private TextFold() {}

    public static String nfc(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * The key two labels are compared by: no diacritics, lower case, one space between words,
     * one kind of dash. {@code "  Kết nạp Đảng viên – Học sinh THPT "} folds to
     * {@code "ket nap dang vien - hoc sinh thpt"}.
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        plain = DASHES.matcher(plain).replaceAll("-");
        return SPACES.matcher(plain).replaceAll(" ").trim().toLowerCase(java.util.Locale.ROOT);
    }
}
