package io.newsradar.contracts;

import java.text.Normalizer;

/**
 * Folds text for matching: lower case, diacritics removed, {@code đ} → {@code d}. "Bắc Giang", "BẮC GIANG" and
 * "Bac Giang" all fold to "bac giang"; "Đà Nẵng" to "da nang"; "Côte d'Ivoire" to "cote d'ivoire".
 *
 * Every kind of white space folds to a plain space.
 *
 * <p>Folding works character by character on the NFC form of the text, so for text that is already NFC (as almost
 * all published text is) the folded string has the same length as the input and an offset in one is an offset in
 * the other. Combining marks standing alone are dropped.
 */
public final class TextFolding {

    /** What {@link #foldChar(char)} returns for a character that folding drops (a combining mark standing alone). */
    public static final char DROPPED = '\uFFFF';
    private static final char DROP = DROPPED;
    private static final char[] TABLE = buildTable();

    private TextFolding() {
    }

    /** The folded form of the text; {@code null} folds to {@code ""}. */
    public static String fold(CharSequence text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        char[] out = new char[nfc.length()];
        int n = 0;
        for (int i = 0; i < nfc.length(); i++) {
            char folded = TABLE[nfc.charAt(i)];
            if (folded != DROP) {
                out[n++] = folded;
            }
        }
        return new String(out, 0, n);
    }

    /**
     * The folded form of one character of NFC text, or {@link #DROPPED}. {@code fold(text)} is this, character by
     * character, over the NFC form of the text.
     */
    public static char foldChar(char c) {
        return TABLE[c];
    }

    private static char[] buildTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = computeFold((char) c);
        }
        return table;
    }

    private static char computeFold(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return ' ';
        }
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        if (Character.isSurrogate(c)) {
            return c;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
            return DROP;
        }
        char lower = Character.toLowerCase(c);
        switch (lower) {
            case 'đ', 'ð':
                return 'd';
            case 'ø':
                return 'o';
            case 'ł':
                return 'l';
            case 'ı':
                return 'i';
            default:
                break;
        }
        String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return Character.getType(base) == Character.NON_SPACING_MARK ? lower : base;
    }
}
