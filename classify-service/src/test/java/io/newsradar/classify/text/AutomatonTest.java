package io.newsradar.classify.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.TextFolding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AutomatonTest {

    private static Automaton<String> automaton(String... keys) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String key : keys) {
            map.put(TextFolding.fold(key), List.of(key));
        }
        return Automaton.of(map);
    }

    private static List<String> found(Automaton<String> a, String text) {
        String folded = TextFolding.fold(text);
        return a.scan(folded).stream().map(h -> h.values().get(0) + "@" + h.start() + "-" + h.end()).toList();
    }

    @Test
    void findsOverlappingAndNestedKeysInOnePass() {
        Automaton<String> a = automaton("Nam", "Nam Phi", "Việt Nam", "he", "she", "hers");

        assertThat(found(a, "Việt Nam và Nam Phi")).containsExactlyInAnyOrder(
                "Việt Nam@0-8", "Nam@5-8", "Nam@12-15", "Nam Phi@12-19");
        assertThat(found(a, "she hers")).containsExactlyInAnyOrder("she@0-3", "hers@4-8");
    }

    @Test
    void findsKeysOfSpacedScriptsOnlyAsWholeWords() {
        Automaton<String> a = automaton("he", "she", "in", "a");

        assertThat(found(a, "ushers within a bac")).containsExactly("a@14-15");
        assertThat(found(a, "he, in")).containsExactly("he@0-2", "in@4-6");
    }

    @Test
    void readsAnyRunOfSeparatorsAsTheSpaceOfAKey() {
        Automaton<String> a = automaton("Bắc Giang");

        assertThat(found(a, "Bac-Giang, bắc  giang; BẮC\u00A0GIANG")).containsExactly(
                "Bắc Giang@0-9", "Bắc Giang@11-21", "Bắc Giang@23-32");
    }

    @Test
    void followsScriptsBeyondTheDenseTable() {
        Automaton<String> a = automaton("群馬県", "群馬", "東京都", "Tokyo");

        assertThat(found(a, "群馬県と東京都、Tokyo")).containsExactlyInAnyOrder(
                "群馬@0-2", "群馬県@0-3", "東京都@4-7", "Tokyo@8-13");
    }

    @Test
    void keepsEveryValueOfAKeyGivenTwice() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("tokyo", List.of("JP-13"));
        map.put("tokyo ", List.of("JP capital"));

        assertThat(Automaton.of(map).scan("tokyo")).singleElement()
                .satisfies(h -> assertThat(h.values()).containsExactly("JP-13", "JP capital"));
    }

    @Test
    void agreesWithANaiveSearchOnRandomText() {
        Random random = new Random(42);
        String alphabet = "abc ";
        List<String> keys = random.ints(60, 0, Integer.MAX_VALUE).mapToObj(i -> word(new Random(i), alphabet)).distinct()
                .filter(k -> !k.isBlank() && !k.startsWith(" ") && !k.endsWith(" ") && !k.contains("  ")).toList();
        Automaton<String> a = automaton(keys.toArray(String[]::new));
        for (int round = 0; round < 50; round++) {
            String text = (word(random, alphabet) + word(random, alphabet) + word(random, alphabet)).replaceAll(" +", " ");
            List<String> expected = keys.stream().flatMap(k -> occurrences(text, k).stream()).sorted().toList();
            List<String> actual = a.scan(text).stream().map(h -> h.values().get(0) + "@" + h.start()).sorted().toList();
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    private static String word(Random random, String alphabet) {
        int length = 1 + random.nextInt(6);
        return random.ints(length, 0, alphabet.length()).mapToObj(i -> String.valueOf(alphabet.charAt(i))).collect(Collectors.joining());
    }

    /** The whole-word occurrences of a key. */
    private static List<String> occurrences(String text, String key) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
            int end = i + key.length();
            if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) || end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            out.add(key + "@" + i);
        }
        return out;
    }
}
