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

    /** Each function word with the languages it belongs to, as bits in the order of {@link #LANGUAGES}. */
    private static final List<String> LANGUAGES = List.copyOf(new java.util.TreeSet<>(FUNCTION_WORDS.keySet()));
    private static final Map<String, Integer> WORD_LANGUAGES = wordLanguages();
    private static final int LONGEST_WORD = WORD_LANGUAGES.keySet().stream().mapToInt(String::length).max().orElse(0);

    private LanguageGuess() {
    }

    private static Map<String, Integer> wordLanguages() {
        Map<String, Integer> words = new HashMap<>();
        for (int i = 0; i < LANGUAGES.size(); i++) {
            int bit = 1 << i;
            FUNCTION_WORDS.get(LANGUAGES.get(i)).forEach(w -> words.merge(w, bit, (a, b) -> a | b));
        }
        return Map.copyOf(words);
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
        int[] perLanguage = new int[LANGUAGES.size()];
        int words = 0;
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean letter = i < folded.length() && Character.isLetter(folded.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                Integer languages = i - start <= LONGEST_WORD ? WORD_LANGUAGES.get(folded.substring(start, i)) : null;
                for (int l = 0; languages != null && l < perLanguage.length; l++) {
                    perLanguage[l] += (languages >> l) & 1;
                }
                start = -1;
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int l = 0; l < perLanguage.length; l++) {
            if (perLanguage[l] > 0) {
                counts.put(LANGUAGES.get(l), perLanguage[l]);
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
