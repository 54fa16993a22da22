package io.newsradar.classify.text;

import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.TextFolding;
import java.text.Normalizer;
import java.util.List;

/**
 * An article's title, lead and body, each as written (NFC) and folded for matching, with the offsets of one mapped
 * to the other.
 */
public record FoldedArticle(Part title, Part lead, Part body) {

    /** One field of the article. */
    public static final class Part {
        private final Evidence.Field field;
        private final String original;
        private final String folded;
        /** For each folded character, its index in the original; {@code null} when they are the same. */
        private final int[] originalIndex;
        /** Its words, and those of them written with a mark that folding removes. */
        private final int words;
        private final int markedWords;

        private Part(Evidence.Field field, String original, String folded, int[] originalIndex, int words, int markedWords) {
            this.field = field;
            this.original = original;
            this.folded = folded;
            this.originalIndex = originalIndex;
            this.words = words;
            this.markedWords = markedWords;
        }

        public static Part of(Evidence.Field field, String text) {
            String original = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
            char[] folded = new char[original.length()];
            int[] index = null;
            int n = 0;
            int words = 0;
            int markedWords = 0;
            boolean inWord = false;
            boolean wordMarked = false;
            for (int i = 0; i < original.length(); i++) {
                char c = original.charAt(i);
                char f = TextFolding.foldChar(c);
                if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
                    inWord = true;
                    wordMarked |= c >= 0x80 && f != Character.toLowerCase(c);
                } else if (inWord) {
                    words++;
                    markedWords += wordMarked ? 1 : 0;
                    inWord = false;
                    wordMarked = false;
                }
                if (f == TextFolding.DROPPED) {
                    if (index == null) {
                        index = identity(original.length());
                    }
                    continue;
                }
                if (index != null) {
                    index[n] = i;
                }
                folded[n++] = f;
            }
            if (inWord) {
                words++;
                markedWords += wordMarked ? 1 : 0;
            }
            return new Part(field, original, new String(folded, 0, n), index, words, markedWords);
        }

        public Evidence.Field field() {
            return field;
        }

        /** The text as written, NFC. */
        public String original() {
            return original;
        }

        /** The folded text the matchers read. */
        public String folded() {
            return folded;
        }

        /** The index in {@link #original()} of the folded character at {@code foldedIndex}. */
        public int originalIndex(int foldedIndex) {
            if (originalIndex == null || foldedIndex >= folded.length()) {
                return originalIndex == null ? foldedIndex : original.length();
            }
            return originalIndex[foldedIndex];
        }

        /** The original text of the folded range {@code [start, end)}. */
        public String originalText(int start, int end) {
            int from = originalIndex(start);
            int to = end >= folded.length() ? original.length() : originalIndex(end);
            return original.substring(from, to);
        }

        /** The character as written at a folded index. */
        public char originalChar(int foldedIndex) {
            return original.charAt(originalIndex(foldedIndex));
        }

        public boolean isEmpty() {
            return folded.isBlank();
        }

        private static int[] identity(int length) {
            int[] index = new int[length];
            for (int i = 0; i < length; i++) {
                index[i] = i;
            }
            return index;
        }
    }

    public static FoldedArticle of(String title, String lead, String body) {
        return new FoldedArticle(Part.of(Evidence.Field.TITLE, title), Part.of(Evidence.Field.LEAD, lead),
                Part.of(Evidence.Field.BODY, body));
    }

    public List<Part> parts() {
        return List.of(title, lead, body);
    }

    /**
     * Whether the text writes its diacritics: at least one word in five carries a mark that folding removes. Text
     * typed without them ("Bac Giang") is not marked.
     */
    public boolean marked() {
        int words = title.words + lead.words + body.words;
        return words > 0 && (title.markedWords + lead.markedWords + body.markedWords) * 5 >= words;
    }
}
