package io.newsradar.classify.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over folded text: finds every occurrence of every key in one left-to-right pass, so the
 * cost grows with the text, not with the number of keys. Keys are folded phrases whose words are joined by single
 * spaces; in the text, any run of characters that are neither letters nor digits (nor part of a key, like the dot of
 * "u.s.") matches that single space, so "bac-giang", "bac  giang" and "bac giang" are one phrase.
 *
 * <p>Transitions on Latin characters, which is almost all folded text, come from a dense table computed once (a
 * deterministic automaton): one array read per character. Transitions on other scripts (Han, Kana, Hangul, Thai…)
 * follow a sparse goto map and failure links. Characters that occur in no key send the scan back to the start.
 *
 * <p>A key written in a script that separates words with spaces is found only as whole words: a letter or digit
 * right before or after it rules it out ("a" is not found in "bac", "in" not in "within"). Keys in scripts written
 * without spaces (Han, Kana, Thai…) are found anywhere.
 *
 * @param <V> what a key stands for
 */
public final class Automaton<V> {

    /** One occurrence of a key: {@code [start, end)} in the text, and what the key stands for. */
    public record Hit<V>(int start, int end, List<V> values) {
    }

    /** Characters below this get a column of the dense table. */
    static final char DENSE_LIMIT = 0x250;

    private final int[] charClass;
    private final int denseClasses;
    private final int spaceClass;
    private final int[] dense;
    private final Map<Long, Integer> sparse;
    private final int[] fail;
    /**
     * The keys ending at each state (its own and those of its suffix states), as indices into {@link #keys}: those
     * of state {@code s} are {@code outputKeys[outputStart[s] .. outputStart[s + 1])}. A dense transition into a
     * state with keys carries {@link #HAS_OUTPUT}, so the scan reads one array per character.
     */
    private final int[] outputStart;
    private final int[] outputKeys;
    private static final int HAS_OUTPUT = 0x8000_0000;
    private static final int STATE = 0x7FFF_FFFF;
    private final int[] keyLengths;
    /** Per key, whether it must start, and end, at a word boundary. */
    private final boolean[] boundaryStart;
    private final boolean[] boundaryEnd;
    private final List<List<V>> keys;

    Automaton(AutomatonBuilder<V> b, List<List<V>> keys, int[] keyLengths) {
        this.charClass = b.charClass;
        this.denseClasses = b.denseClasses;
        this.spaceClass = b.charClass[' '];
        this.sparse = Map.copyOf(b.sparseGoto);
        this.fail = b.fail;
        int states = b.outputs.length;
        this.outputStart = new int[states + 1];
        for (int state = 0; state < states; state++) {
            outputStart[state + 1] = outputStart[state] + b.outputs[state].length;
        }
        this.outputKeys = new int[outputStart[states]];
        for (int state = 0; state < states; state++) {
            System.arraycopy(b.outputs[state], 0, outputKeys, outputStart[state], b.outputs[state].length);
        }
        this.dense = b.dense.clone();
        for (int i = 0; i < dense.length; i++) {
            if (b.outputs[dense[i]].length > 0) {
                dense[i] |= HAS_OUTPUT;
            }
        }
        this.keyLengths = keyLengths;
        this.boundaryStart = b.boundaryStart;
        this.boundaryEnd = b.boundaryEnd;
        this.keys = keys;
    }

    /** Builds the automaton of these keys (folded phrases); a key given several times keeps all its values. */
    public static <V> Automaton<V> of(Map<String, ? extends Collection<V>> valuesByKey) {
        Map<String, List<V>> normalized = new LinkedHashMap<>();
        valuesByKey.forEach((key, values) -> {
            String k = normalizeKey(key);
            if (!k.isEmpty()) {
                normalized.computeIfAbsent(k, x -> new ArrayList<>()).addAll(values);
            }
        });
        return new AutomatonBuilder<V>(normalized.keySet()).build(normalized);
    }

    /** Every occurrence of every key in the folded text, in order of their end, longest first at one end. */
    public List<Hit<V>> scan(String folded) {
        List<Hit<V>> hits = new ArrayList<>();
        int state = 0;
        for (int i = 0; i < folded.length(); i++) {
            int cls = charClass[folded.charAt(i)];
            int next = cls < denseClasses ? dense[state * denseClasses + cls] : step(state, cls);
            state = next & STATE;
            if (next < 0 || cls >= denseClasses) {
                boolean endsWord = i + 1 == folded.length() || !Character.isLetterOrDigit(folded.charAt(i + 1));
                for (int k = outputStart[state]; k < outputStart[state + 1]; k++) {
                    int key = outputKeys[k];
                    if (!endsWord && boundaryEnd[key]) {
                        continue;
                    }
                    int start = startOf(folded, i + 1, keyLengths[key]);
                    if (!boundaryStart[key] || start == 0 || !Character.isLetterOrDigit(folded.charAt(start - 1))) {
                        hits.add(new Hit<>(start, i + 1, keys.get(key)));
                    }
                }
            }
        }
        return hits;
    }

    /** How many keys it holds. */
    public int size() {
        return keys.size();
    }

    private int step(int state, int cls) {
        return transition(dense, denseClasses, sparse, fail, state, cls);
    }

    /** The full transition function: the dense table for Latin characters, goto-or-fail for the rest. */
    static int transition(int[] dense, int denseClasses, Map<Long, Integer> sparse, int[] fail, int state, int cls) {
        if (cls < denseClasses) {
            return dense[state * denseClasses + cls];
        }
        int s = state;
        while (true) {
            Integer target = sparse.get(edge(s, cls));
            if (target != null) {
                return target;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    /** Where a key of {@code length} characters that ends at {@code end} starts, a run of separators being one. */
    private int startOf(String folded, int end, int length) {
        int i = end;
        for (int remaining = length; remaining > 0; remaining--) {
            i--;
            if (charClass[folded.charAt(i)] == spaceClass) {
                while (i > 0 && charClass[folded.charAt(i - 1)] == spaceClass) {
                    i--;
                }
            }
        }
        return i;
    }

    /** Whether a phrase starting or ending with this character must do so at a word boundary (its script uses spaces). */
    public static boolean spaced(char c) {
        return switch (Character.UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, HANGUL, MYANMAR -> false;
            default -> true;
        };
    }

    static long edge(int state, int cls) {
        return ((long) state << 32) | cls;
    }

    /**
     * The key form of a folded phrase: letters, digits, apostrophes and inner dots kept, every other run of
     * characters written as one space, none at either end.
     */
    static String normalizeKey(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        boolean pendingSpace = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c) || (c == '.' || c == '\'') && !sb.isEmpty()) {
                if (pendingSpace && !sb.isEmpty()) {
                    sb.append(' ');
                }
                pendingSpace = false;
                sb.append(c);
            } else {
                pendingSpace = true;
            }
        }
        return sb.toString();
    }
}
