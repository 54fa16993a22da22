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
        while (m.find()) {
            String digits = m.group().replaceAll("[^0-9]", "");
            String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
            if (trimmed.length() >= 2) {
                out.add("#" + trimmed);
            }
        }
        return out;
    }

    /** The capitalised words of the text, folded, and the joined pairs of adjacent ones. */
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
            String folded = TextFolding.fold(word).replaceAll("['’-]", "");
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

    private static boolean onlySpaceBetween(String text, int from, int to) {
        return to - from == 1 && Character.isWhitespace(text.charAt(from));
    }
}
