package io.newsradar.contracts;

/**
 * Text that XML 1.0 can carry. Feeds and pages may hold characters XML forbids (C0 controls other than tab, line
 * feed and carriage return; U+FFFE and U+FFFF; lone surrogates); an Atom or RSS answer holding one is not XML at all.
 * Ingest strips them from every text field it publishes, and the gateway replaces any that reach its feed output.
 */
public final class XmlText {

    /** What {@link #replace} writes in place of a forbidden character. */
    public static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** Whether XML 1.0 allows the code point in character data. */
    public static boolean allowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /** The text without the characters XML forbids; {@code null} stays {@code null}. */
    public static String strip(String text) {
        return clean(text, false);
    }

    /** The text with every character XML forbids replaced by {@link #REPLACEMENT}; {@code null} stays {@code null}. */
    public static String replace(String text) {
        return clean(text, true);
    }

    private static String clean(String text, boolean replace) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (allowed(codePoint) && !Character.isSurrogate((char) codePoint)) {
                out.appendCodePoint(codePoint);
            } else if (replace) {
                out.append(REPLACEMENT);
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!allowed(codePoint) || (codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
