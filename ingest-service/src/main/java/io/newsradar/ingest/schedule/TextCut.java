package io.newsradar.ingest.schedule;

/** Cutting text to a limit at a word, never inside a surrogate pair, and counting what JSON makes of it. */
final class TextCut {

    private TextCut() {
    }

    /**
     * The text cut to at most {@code max} characters: at the last whitespace in the final fifth of the allowance when
     * there is one (text without spaces, such as Japanese, is cut at the limit), without splitting a surrogate pair.
     */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        if (!Character.isWhitespace(text.charAt(end))) {
            for (int i = end - 1; i >= max - max / 5 && i > 0; i--) {
                if (Character.isWhitespace(text.charAt(i))) {
                    end = i;
                    break;
                }
            }
        }
        return text.substring(0, end).stripTrailing();
    }

    /** How many characters of the text fit in {@code bytes} bytes of a JSON string (UTF-8, escapes counted). */
    static int charsFitting(String text, long bytes) {
        long used = 0;
        for (int i = 0; i < text.length(); i++) {
            used += jsonBytes(text.charAt(i));
            if (used > bytes) {
                return i;
            }
        }
        return text.length();
    }

    private static int jsonBytes(char c) {
        if (c == '"' || c == '\\') {
            return 2;
        }
        if (c < 0x20) {
            return 6;
        }
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }
}
