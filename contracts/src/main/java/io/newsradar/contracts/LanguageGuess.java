package io.newsradar.contracts;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells the language of an article from its most frequent function words (over folded text), and from the letters
 * only Vietnamese writes. Good enough to choose between the classifier's languages and to recognise that a text is
 * in none of them; a feed's language hint is trusted when the text does not clearly say otherwise. Ingest decides an
 * article's language with it once ({@code RawArticle.languageFrom}); classify asks it only of text no one decided for.
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

    private static final List<String> LANGUAGES = List.copyOf(new java.util.TreeSet<>(FUNCTION_WORDS.keySet()));
    /** The function words, each as the number {@link #code} gives it, sorted; and their languages as bits. */
    private static final long[] WORD_CODES;
    private static final int[] WORD_LANGUAGES;
    /** Words of up to twelve letters a–z have a code: five bits a letter. */
    private static final int LONGEST_WORD = 12;

    static {
        Map<Long, Integer> words = new java.util.TreeMap<>();
        for (int i = 0; i < LANGUAGES.size(); i++) {
            int bit = 1 << i;
            FUNCTION_WORDS.get(LANGUAGES.get(i)).forEach(w -> words.merge(code(w, 0, w.length()), bit, (a, b) -> a | b));
        }
        WORD_CODES = words.keySet().stream().mapToLong(Long::longValue).toArray();
        WORD_LANGUAGES = words.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** How much of the body, after title and lead, is read to tell the language. */
    public static final int BODY_SAMPLE = 600;

    private LanguageGuess() {
    }

    /**
     * The language of a story, from its title, lead and the first {@link #BODY_SAMPLE} characters of its body; one
     * of {@link #SUPPORTED} or {@link #UNKNOWN}.
     *
     * @param hint the feed's or page's language tag, may be {@code null}
     */
    public static String ofStory(String title, String lead, String body, String hint) {
        String b = nfc(body);
        String head = b.length() > BODY_SAMPLE ? b.substring(0, BODY_SAMPLE) : b;
        String original = nfc(title) + "\n" + nfc(lead) + "\n" + head;
        return guess(original, TextFolding.fold(original), hint);
    }

    /**
     * The language a decided tag names for the classifier: its language subtag when that is one of
     * {@link #SUPPORTED}, else {@link #UNKNOWN}.
     */
    public static String supportedOrUnknown(String tag) {
        String language = primary(tag);
        return language != null && SUPPORTED.contains(language) ? language : UNKNOWN;
    }

    private static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A word of letters a–z as a number, or -1 for any other word. */
    private static long code(String text, int from, int to) {
        if (to - from > LONGEST_WORD) {
            return -1;
        }
        long code = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 'a' || c > 'z') {
                return -1;
            }
            code = code << 5 | (c - 'a' + 1);
        }
        return code;
    }

    /** The languages of a function word as bits, 0 for any other word. */
    private static int languagesOf(String text, int from, int to) {
        long code = code(text, from, to);
        int i = code < 0 ? -1 : java.util.Arrays.binarySearch(WORD_CODES, code);
        return i >= 0 ? WORD_LANGUAGES[i] : 0;
    }

    /**
     * The language of the text, one of {@link #SUPPORTED} or {@link #UNKNOWN}.
     *
     * @param original a sample of the text as written (for the Vietnamese letters)
     * @param folded   the same sample, folded
     * @param hint     the feed's or client's language tag, may be {@code null}
     */
    public static String guess(String original, String folded, String hint) {
        String hinted = primary(hint);
        int[] perLanguage = new int[LANGUAGES.size()];
        int words = 0;
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean letter = i < folded.length() && Character.isLetter(folded.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                int languages = languagesOf(folded, start, i);
                for (int l = 0; languages != 0 && l < perLanguage.length; l++) {
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

    /** The language subtag of a tag such as {@code vi}, {@code en-GB}, {@code fr_FR}; {@code null} for none. */
    public static String primary(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String tag = hint.strip();
        int end = 0;
        while (end < tag.length() && Character.isLetter(tag.charAt(end))) {
            end++;
        }
        return tag.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** Letters with the horn, breve or dot below that Vietnamese writes and French and English do not. */
    private static int vietnameseLetters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x100) {
                continue;
            }
            if (c == 'đ' || c == 'Đ' || c == 'ơ' || c == 'Ơ' || c == 'ư' || c == 'Ư' || c == 'ă' || c == 'Ă'
                    || c >= '\u1EA0' && c <= '\u1EF9') {
                n++;
            }
        }
        return n;
    }
}
