package io.newsradar.gateway.search;

import io.newsradar.contracts.PairTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The filters of {@code GET /api/v1/articles}, checked. A parameter given several times (or with commas) means any
 * of its values; different parameters must all hold.
 *
 * @param pairs     country pairs in canonical form ({@code JP-VN})
 * @param countries ISO alpha-2 codes
 * @param topics    topic keys
 * @param languages language tags
 * @param text      free text, or {@code null}; never passed to Elasticsearch as query syntax
 * @param size      articles per page
 */
public record ArticleQuery(List<String> pairs, List<String> countries, List<String> topics, List<String> languages,
        String text, int size) {

    static final Set<String> PARAMETERS = Set.of("pair", "country", "topic", "lang", "q", "size");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final int MAX_VALUES = 20;
    private static final int MAX_TEXT = 500;

    public ArticleQuery {
        pairs = List.copyOf(pairs);
        countries = List.copyOf(countries);
        topics = List.copyOf(topics);
        languages = List.copyOf(languages);
    }

    /** @throws InvalidQueryException naming the first parameter that is wrong */
    public static ArticleQuery from(MultiValueMap<String, String> parameters, int defaultSize, int maxSize) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidQueryException(name, "unknown parameter '" + name + "'; known: " + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : values(parameters, "pair")) {
            try {
                pairs.add(PairTag.normalize(pair));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("pair", "pair: " + e.getMessage());
            }
        }
        List<String> countries = values(parameters, "country").stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        for (String country : countries) {
            if (!COUNTRY.matcher(country).matches()) {
                throw new InvalidQueryException("country", "country must be an ISO 3166-1 alpha-2 code such as JP, was '" + country + "'");
            }
        }
        List<String> topics = tokens(parameters, "topic");
        List<String> languages = tokens(parameters, "lang");
        String text = parameters.getFirst("q");
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw new InvalidQueryException("q", "q must hold 1 to " + MAX_TEXT + " characters");
        }
        return new ArticleQuery(pairs, countries, topics, languages, text, size(parameters.getFirst("size"), defaultSize, maxSize));
    }

    private static List<String> tokens(MultiValueMap<String, String> parameters, String name) {
        List<String> values = values(parameters, name).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        for (String value : values) {
            if (!TOKEN.matcher(value).matches()) {
                throw new InvalidQueryException(name, name + " must be a key such as 'labour' or 'vi', was '" + value + "'");
            }
        }
        return values;
    }

    private static List<String> values(MultiValueMap<String, String> parameters, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : parameters.getOrDefault(name, List.of())) {
            for (String value : raw.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            throw new InvalidQueryException(name, name + " takes at most " + MAX_VALUES + " values");
        }
        return values;
    }

    private static int size(String raw, int defaultSize, int maxSize) {
        if (raw == null) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(raw.trim());
            if (size >= 1 && size <= maxSize) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQueryException("size", "size must be a whole number from 1 to " + maxSize + ", was '" + raw + "'");
    }
}
