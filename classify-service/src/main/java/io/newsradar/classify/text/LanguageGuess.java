package io.newsradar.classify.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells the language of an article from its most frequent function words (over folded text), and from the letters
 * only Vietnamese writes. Good enough to choose between the classifier's languages and to recognise that a text is
 * in none of them; a feed's language hint is trusted when the text does not clearly say otherwise.
 */
public final class LanguageGuess {

    /** The languages the classifier has names and lexicons for. */
    public static final List<String> SUPPORTED = List.of("vi", "en", "fr");
    /** The answer for text in no language the classifier knows. */
    public static final String UNKNOWN = "und";

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "vi", Set.of("cua", "va", "cac", "nhung", "duoc", "trong", "voi", "nay", "nguoi", "khong", "mot",
                    "cho", "tai", "da", "se", "den", "nhieu", "hai", "nuoc", "theo", "tu", "ve", "dong", "thi"),
            "en", Set.of("the", "and", "of", "to", "in", "is", "for", "on", "with", "that", "by", "was", "are",
                    "from", "its", "has", "have", "will", "said", "as", "at", "an", "be", "this"),
            "fr", Set.of("le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "dans", "sur",
                    "au", "aux", "qui", "que", "avec", "par", "ont", "sont", "ce", "cette", "il", "elle", "plus"),
            "es", Set.of("el", "los", "las", "y", "del", "por", "con", "una", "es", "se", "para", "como", "pero"),
            "de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich", "auch", "ein"),
            "pt", Set.of("o", "os", "e", "do", "em", "nao", "uma", "com", "para", "mais", "foi", "pelo", "ao"),
            "it", Set.of("il", "di", "che", "e", "per", "del", "della", "sono", "gli", "non", "nel", "alla", "anche"));

    private LanguageGuess() {
    }

    /**
     * The language of the text, one of {@link #SUPPORTED} or {@link #UNKNOWN}.
     *
     * @param original a sample of the text as written (for the Vietnamese letters)
     * @param folded   the same sample, folded
     * @param hint     the feed's or client's language tag, may be {@code null}
     */
    public static String guess(String original, String folded, String hint) {
        String hinted = hint == null || hint.isBlank() ? null : Locale.forLanguageTag(hint.trim().replace('_', '-')).getLanguage();
        Map<String, Integer> counts = new HashMap<>();
        int words = 0;
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean letter = i < folded.length() && Character.isLetter(folded.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = folded.substring(start, i);
                words++;
                FUNCTION_WORDS.forEach((lang, set) -> {
                    if (set.contains(word)) {
                        counts.merge(lang, 1, Integer::sum);
                    }
                });
                start = -1;
            }
        }
        int vietnameseLetters = vietnameseLetters(original);
        if (vietnameseLetters >= 3) {
            counts.merge("vi", Math.max(vietnameseLetters / 2, 3), Integer::sum);
        }
        String best = UNKNOWN;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey().equals(hinted)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        boolean clear = words > 0 && bestCount >= Math.max(2, words / 20);
        if (!clear) {
            return hinted != null && SUPPORTED.contains(hinted) ? hinted : UNKNOWN;
        }
        if (hinted != null && SUPPORTED.contains(hinted) && counts.getOrDefault(hinted, 0) * 2 >= bestCount) {
            return hinted;
        }
        return SUPPORTED.contains(best) ? best : UNKNOWN;
    }

    /** Letters with the horn, breve or dot below that Vietnamese writes and French and English do not. */
    private static int vietnameseLetters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c == 'đ' || c == 'ơ' || c == 'ư' || c == 'ă' || c >= '\u1EA0' && c <= '\u1EF9') {
                n++;
            }
        }
        return n;
    }
}
