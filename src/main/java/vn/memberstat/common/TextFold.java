package vn.memberstat.common;

import java.text.Normalizer;
import java.util.Locale;

/** Text normalisation shared by the readers: NFC for stored text, a diacritic-free fold for matching. */
public final class TextFold {
    private TextFold() {}

    public static String nfc(String text) {
        if (text == null) {
            return null;
        }
        return isAscii(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * The key two labels are compared by: no diacritics, lower case, one space between words,
     * one kind of dash. {@code "  Kết nạp Đảng viên – Học sinh THPT "} folds to
     * {@code "ket nap dang vien - hoc sinh thpt"}. Called for every header of every file, so no regex.
     */
    public static String fold(String text) {
        String decomposed = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            } else if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212') {
                c = '-';
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
