package io.newsradar.ingest.extract;

import io.newsradar.contracts.TextFolding;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text clean-up shared by the extraction steps. */
final class TextCleaner {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextCleaner() {
    }

    /** NFC, zero-width characters and soft hyphens dropped, white space collapsed to single spaces, trimmed. */
    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACE.matcher(INVISIBLE.matcher(nfc).replaceAll("")).replaceAll(" ").trim();
    }

    static int words(String text) {
        int n = 0;
        var m = WORD.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Folded (lower case, no diacritics) with punctuation reduced to spaces: for comparing texts loosely. */
    static String key(String text) {
        return NON_WORD.matcher(TextFolding.fold(clean(text))).replaceAll(" ").trim();
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
