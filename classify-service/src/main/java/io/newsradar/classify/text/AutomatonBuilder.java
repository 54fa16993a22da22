package io.newsradar.classify.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

/**
 * Builds an {@link Automaton}: gives each character of the keys a class (Latin ones first, for the dense table),
 * lays the keys into a trie, numbers its states breadth first, and computes the failure links, the outputs and the
 * dense transition table. Used once per automaton, then dropped.
 */
final class AutomatonBuilder<V> {
    final int[] charClass = new int[Character.MAX_VALUE + 1];
    final int denseClasses;
    final int classes;
    final List<Map<Integer, Integer>> gotos = new ArrayList<>();
    final List<List<Integer>> own = new ArrayList<>();
    /** The text that leads from the start to each state. */
    final List<String> paths = new ArrayList<>();
    int[] lengths;
    int[] dense;
    final Map<Long, Integer> sparseGoto = new HashMap<>();
    int[] fail;
    int[][] outputs;
    boolean[] boundaryStart;
    boolean[] boundaryEnd;

    AutomatonBuilder(Collection<String> keys) {
        int next = 1; // class 0: characters no key uses
        next = assign(keys, next, true);
        if (charClass[' '] == 0) {
            charClass[' '] = next++;
        }
        denseClasses = next;
        classes = assign(keys, next, false);
        // Everything else that separates words reads as the space of the keys.
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (charClass[c] == 0 && !Character.isLetterOrDigit(c)) {
                charClass[c] = charClass[' '];
            }
        }
        newState("");
    }

    private int assign(Collection<String> keys, int next, boolean latin) {
        for (String key : keys) {
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (charClass[c] == 0 && (c < Automaton.DENSE_LIMIT) == latin) {
                    charClass[c] = next++;
                }
            }
        }
        return next;
    }

    private int newState(String path) {
        gotos.add(new HashMap<>(4));
        own.add(new ArrayList<>(1));
        paths.add(path);
        return gotos.size() - 1;
    }

    Automaton<V> build(Map<String, List<V>> normalized) {
        List<List<V>> keys = new ArrayList<>();
        int[] keyLengths = new int[normalized.size()];
        boundaryStart = new boolean[normalized.size()];
        boundaryEnd = new boolean[normalized.size()];
        for (Map.Entry<String, List<V>> e : normalized.entrySet()) {
            int state = 0;
            String key = e.getKey();
            for (int i = 0; i < key.length(); i++) {
                int cls = charClass[key.charAt(i)];
                Integer target = gotos.get(state).get(cls);
                if (target == null) {
                    target = newState(key.substring(0, i + 1));
                    gotos.get(state).put(cls, target);
                }
                state = target;
            }
            own.get(state).add(keys.size());
            keyLengths[keys.size()] = key.length();
            boundaryStart[keys.size()] = Automaton.spaced(key.charAt(0));
            boundaryEnd[keys.size()] = Automaton.spaced(key.charAt(key.length() - 1));
            keys.add(List.copyOf(e.getValue()));
        }
        lengths = keyLengths;
        renumberBreadthFirst();
        link();
        // A run of separators reads as one space: a state reached by a space stays where it is on the next.
        int space = charClass[' '];
        for (int state = 0; state < paths.size(); state++) {
            if (paths.get(state).endsWith(" ")) {
                dense[state * denseClasses + space] = state;
            }
        }
        return new Automaton<>(this, List.copyOf(keys), keyLengths);
    }

    /**
     * Numbers the states breadth first, so that the shallow states, where a scan spends most of its time, have
     * neighbouring rows of the dense table and stay in the processor's cache.
     */
    private void renumberBreadthFirst() {
        int[] newId = new int[gotos.size()];
        List<Integer> order = new ArrayList<>(gotos.size());
        order.add(0);
        for (int i = 0; i < order.size(); i++) {
            newId[order.get(i)] = i;
            order.addAll(new TreeMap<>(gotos.get(order.get(i))).values());
        }
        List<Map<Integer, Integer>> renumberedGotos = new ArrayList<>(order.size());
        List<List<Integer>> renumberedOwn = new ArrayList<>(order.size());
        List<String> renumberedPaths = new ArrayList<>(order.size());
        for (int old : order) {
            renumberedPaths.add(paths.get(old));
            Map<Integer, Integer> g = new HashMap<>(4);
            gotos.get(old).forEach((cls, target) -> g.put(cls, newId[target]));
            renumberedGotos.add(g);
            renumberedOwn.add(own.get(old));
        }
        gotos.clear();
        gotos.addAll(renumberedGotos);
        own.clear();
        own.addAll(renumberedOwn);
        paths.clear();
        paths.addAll(renumberedPaths);
    }

    /** Failure links and outputs breadth first; the dense table filled in as a full transition function. */
    private void link() {
        int states = gotos.size();
        dense = new int[states * denseClasses];
        fail = new int[states];
        outputs = new int[states][];
        outputs[0] = new int[0];
        Queue<Integer> queue = new ArrayDeque<>();
        gotos.get(0).forEach((cls, target) -> {
            queue.add(target);
            if (cls < denseClasses) {
                dense[cls] = target;
            } else {
                sparseGoto.put(Automaton.edge(0, cls), target);
            }
        });
        while (!queue.isEmpty()) {
            int s = queue.remove();
            List<Integer> mine = own.get(s);
            int[] inherited = reachable(paths.get(s), outputs[fail[s]]);
            outputs[s] = mine.isEmpty() ? inherited : concat(mine, inherited);
            for (int c = 1; c < denseClasses; c++) {
                dense[s * denseClasses + c] = dense[fail[s] * denseClasses + c];
            }
            for (Map.Entry<Integer, Integer> e : gotos.get(s).entrySet()) {
                int cls = e.getKey();
                int t = e.getValue();
                fail[t] = follow(fail[s], cls);
                if (cls < denseClasses) {
                    dense[s * denseClasses + cls] = t;
                } else {
                    sparseGoto.put(Automaton.edge(s, cls), t);
                }
                queue.add(t);
            }
        }
    }

    /** The transition from a state already linked (breadth first guarantees it is). */
    private int follow(int state, int cls) {
        return Automaton.transition(dense, denseClasses, sparseGoto, fail, state, cls);
    }

    /**
     * The keys of a suffix state that can still be found at this state: a key that must start a word cannot when
     * this state's text has a letter or digit right before it ("a" at the end of "ba").
     */
    private int[] reachable(String path, int[] suffixKeys) {
        int kept = 0;
        int[] out = new int[suffixKeys.length];
        for (int key : suffixKeys) {
            if (!boundaryStart[key] || !Character.isLetterOrDigit(path.charAt(path.length() - lengths[key] - 1))) {
                out[kept++] = key;
            }
        }
        return kept == out.length ? suffixKeys : Arrays.copyOf(out, kept);
    }

    private static int[] concat(List<Integer> mine, int[] inherited) {
        int[] out = new int[mine.size() + inherited.length];
        for (int i = 0; i < mine.size(); i++) {
            out[i] = mine.get(i);
        }
        System.arraycopy(inherited, 0, out, mine.size(), inherited.length);
        return out;
    }
}
