package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Locale;

/**
 * The two countries whose relationship a story is about.
 *
 * @param code       the two ISO alpha-2 codes, sorted, joined by {@code -}: {@code JP-VN}
 * @param countries  the same two codes, sorted
 * @param confidence in [0, 1]
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PairTag(String code, List<String> countries, double confidence) {

    public PairTag {
        countries = Checks.listOrEmpty(countries);
        if (countries.size() != 2) {
            throw new IllegalArgumentException("PairTag.countries must hold two codes, was " + countries);
        }
        String first = Checks.requireCountryCode(countries.get(0), "PairTag.countries[0]");
        String second = Checks.requireCountryCode(countries.get(1), "PairTag.countries[1]");
        if (first.compareTo(second) >= 0) {
            throw new IllegalArgumentException("PairTag.countries must be two different codes in order, was " + countries);
        }
        String expected = codeOf(first, second);
        if (code == null) {
            code = expected;
        } else if (!code.equals(expected)) {
            throw new IllegalArgumentException("PairTag.code must be " + expected + ", was " + code);
        }
        Checks.requireScore(confidence, "PairTag " + code + ": confidence");
    }

    /** The pair of two countries, in either order. */
    public static PairTag of(String a, String b, double confidence) {
        List<String> sorted = a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
        return new PairTag(null, sorted, confidence);
    }

    /**
     * The canonical code of a pair given in either order, upper-cased: {@code vn-jp} → {@code JP-VN}.
     *
     * @throws IllegalArgumentException when the text is not two different alpha-2 codes joined by {@code -}
     */
    public static String normalize(String pair) {
        String[] parts = pair == null ? new String[0] : pair.trim().toUpperCase(Locale.ROOT).split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a pair is two ISO country codes joined by '-', such as JP-VN; was " + pair);
        }
        Checks.requireCountryCode(parts[0], "pair country");
        Checks.requireCountryCode(parts[1], "pair country");
        if (parts[0].equals(parts[1])) {
            throw new IllegalArgumentException("a pair needs two different countries, was " + pair);
        }
        return parts[0].compareTo(parts[1]) < 0 ? codeOf(parts[0], parts[1]) : codeOf(parts[1], parts[0]);
    }

    private static String codeOf(String first, String second) {
        return first + "-" + second;
    }
}
