package io.newsradar.classify.text;

import io.newsradar.contracts.TextFolding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds known phrases in folded text, on word boundaries, longest match first ("nam phi" before "nam"). Phrases are
 * folded and their words joined by single spaces, so "Bắc-Giang" and "bac  giang" are one phrase.
 *
 * @param <V> what a phrase stands for, such as a country code
 */
public final class PhraseMatcher<V> {

    /** A phrase found at {@code [start, end)} of the folded text. */
    public record Match<V>(int start, int end, V value) {
    }

    private final Map<String, V> phrases;
    private final int maxWords;

    private PhraseMatcher(Map<String, V> phrases, int maxWords) {
        this.phrases = phrases;
        this.maxWords = maxWords;
    }

    /** A matcher of these (unfolded or folded) phrases; a phrase given twice keeps its first value. */
    public static <V> PhraseMatcher<V> of(Map<String, V> phrases) {
        Map<String, V> normalized = new HashMap<>();
        int maxWords = 1;
        for (Map.Entry<String, V> e : phrases.entrySet()) {
            String folded = TextFolding.fold(e.getKey());
            List<int[]> words = words(folded);
            if (words.isEmpty()) {
                continue;
            }
            normalized.putIfAbsent(join(folded, words, 0, words.size()), e.getValue());
            maxWords = Math.max(maxWords, words.size());
        }
        return new PhraseMatcher<>(Map.copyOf(normalized), maxWords);
    }

    /** Every match in the folded text, left to right, none overlapping. */
    public List<Match<V>> find(String folded) {
        List<int[]> words = words(folded);
        List<Match<V>> matches = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int matched = 0;
            for (int n = Math.min(maxWords, words.size() - i); n >= 1 && matched == 0; n--) {
                V value = phrases.get(join(folded, words, i, i + n));
                if (value != null) {
                    matches.add(new Match<>(words.get(i)[0], words.get(i + n - 1)[1], value));
                    matched = n;
                }
            }
            i += Math.max(matched, 1);
        }
        return matches;
    }

    private static String join(String text, List<int[]> words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(text, words.get(i)[0], words.get(i)[1]);
        }
        return sb.toString();
    }

    /** Start and end of each run of letters and digits (an apostrophe separates: "l'Inde" holds "inde"). */
    private static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(new int[] {start, i});
                start = -1;
            }
        }
        return words;
    }
}
