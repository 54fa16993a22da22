package io.newsradar.story.event;

import io.newsradar.contracts.TextFolding;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of an article that are written the same in every language: numbers (amounts, dates, counts, with their
 * thousands separators dropped) and names (capitalised words, folded, and each run of two capitalised words joined,
 * so that "Viet Nam", "Việt Nam" and "Vietnam" meet).
 */
final class Anchors {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,\u00a0 \u202f]\\d{3})*(?:[.,]\\d+)?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}'’-]*");

    private Anchors() {
    }

    /** The numbers of the text as {@code #digits}, skipping single digits. */
    static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        StringBuilder digits = new StringBuilder("#");
        while (m.find()) {
            digits.setLength(1);
            for (int i = m.start(); i < m.end(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9' && (c != '0' || digits.length() > 1)) {
                    digits.append(c);
                }
            }
            if (digits.length() >= 3) {
                out.add(digits.toString());
            }
        }
        return out;
    }

    /** The capitalised words of the text (in NFC), folded, and the joined pairs of adjacent ones. */
    static Set<String> names(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        String previous = null;
        int previousEnd = -1;
        while (m.find()) {
            String word = m.group();
            if (!Character.isUpperCase(word.codePointAt(0))) {
                previous = null;
                continue;
            }
            String folded = fold(text, m.start(), m.end());
            if (folded.length() >= 3) {
                out.add(folded);
            }
            if (previous != null && onlySpaceBetween(text, previousEnd, m.start())) {
                out.add(previous + folded);
            }
            previous = folded;
            previousEnd = m.end();
        }
        return out;
    }

    /** The folded word of NFC text without its apostrophes and hyphens. */
    private static String fold(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = TextFolding.foldChar(text.charAt(i));
            if (c != TextFolding.DROPPED && c != '\'' && c != '’' && c != '-') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean onlySpaceBetween(String text, int from, int to) {
        return to - from == 1 && Character.isWhitespace(text.charAt(from));
    }
}
