package io.newsradar.reference.filter;

import io.newsradar.reference.ReferenceData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the filters of {@code /api/v1/articles} kept as parameter → values (a saved search's {@code query}) into
 * {@link FilterCriteria}, by the API's rules: a value may hold several, comma-separated; codes are taken in any
 * letter case and must be ones the reference data knows; a pair may be written in either order. Anything else is an
 * {@link IllegalArgumentException} naming the parameter and the value.
 */
public final class FilterParameters {

    /** The parameters that choose articles. */
    public static final Set<String> NAMES = Set.of("pair", "country", "region", "topic", "lang", "source", "feed",
            "from", "to", "q", "minConfidence");
    private static final Pattern PAIR = Pattern.compile("[A-Za-z]{2}-[A-Za-z]{2}");
    private static final Pattern DECIMAL = Pattern.compile("(?:0|1)(?:\\.[0-9]{1,9})?|\\.[0-9]{1,9}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private final ReferenceData data;

    public FilterParameters(ReferenceData data) {
        this.data = data;
    }

    /** @throws IllegalArgumentException naming the first parameter that is wrong, and why */
    public FilterCriteria parse(Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'; known: "
                        + String.join(", ", NAMES.stream().sorted().toList()));
            }
        }
        Set<String> pairs = new LinkedHashSet<>();
        values(query, "pair").forEach(v -> pairs.add(pair(v)));
        Set<String> countries = new LinkedHashSet<>();
        values(query, "country").forEach(v -> countries.add(country(v)));
        Set<String> regions = new LinkedHashSet<>();
        values(query, "region").forEach(v -> regions.add(region(v)));
        Set<String> topics = new LinkedHashSet<>();
        values(query, "topic").forEach(v -> topics.add(topic(v)));
        Instant from = instant(single(query, "from"), "from");
        Instant to = instant(single(query, "to"), "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        String text = single(query, "q");
        if (text != null && text.isBlank()) {
            throw new IllegalArgumentException("q must not be blank");
        }
        return new FilterCriteria(pairs, countries, regions, topics, tokens(query, "lang"), Set.copyOf(values(query, "source")),
                tokens(query, "feed"), from, to, text, minConfidence(single(query, "minConfidence")));
    }

    private String pair(String raw) {
        if (!PAIR.matcher(raw).matches()) {
            throw refused("pair", raw, "is not two ISO 3166-1 alpha-2 codes joined by '-', such as JP-VN");
        }
        String[] two = raw.toUpperCase(Locale.ROOT).split("-");
        if (two[0].equals(two[1]) || !data.countries().isKnown(two[0]) || !data.countries().isKnown(two[1])) {
            throw refused("pair", raw, "is not two different known countries");
        }
        return two[0].compareTo(two[1]) < 0 ? two[0] + "-" + two[1] : two[1] + "-" + two[0];
    }

    private String country(String raw) {
        String code = raw.toUpperCase(Locale.ROOT);
        if (!raw.matches("[A-Za-z]{2}") || !data.countries().isKnown(code)) {
            throw refused("country", raw, "is not an ISO 3166-1 alpha-2 country code, such as JP or VN");
        }
        return code;
    }

    private String region(String raw) {
        String code = raw.toUpperCase(Locale.ROOT);
        if (!raw.matches("[A-Za-z]{2}-[A-Za-z0-9]{1,3}") || data.regions().region(code).isEmpty()) {
            throw refused("region", raw, "is not an ISO 3166-2 code of a region newsradar tags, such as VN-54");
        }
        return code;
    }

    private String topic(String raw) {
        String name = raw.toLowerCase(Locale.ROOT);
        if (!TOKEN.matcher(raw).matches() || data.topics().topic(name).isEmpty()) {
            throw refused("topic", raw, "is not a topic newsradar tags");
        }
        return name;
    }

    private static Set<String> tokens(Map<String, List<String>> query, String name) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String value : values(query, name)) {
            if (!TOKEN.matcher(value).matches()) {
                throw refused(name, value, "is not a key such as 'vi' (ASCII letters, digits, '-' or '_')");
            }
            tokens.add(value.toLowerCase(Locale.ROOT));
        }
        return tokens;
    }

    private static double minConfidence(String raw) {
        if (raw == null) {
            return 0;
        }
        String value = raw.trim();
        if (DECIMAL.matcher(value).matches() && Double.parseDouble(value) <= 1) {
            return Double.parseDouble(value);
        }
        throw refused("minConfidence", raw, "is not a number from 0 to 1, such as 0.5");
    }

    /** A date ({@code 2026-11-20}, midnight UTC) or an instant with its offset, to the millisecond. */
    private static Instant instant(String raw, String name) {
        if (raw == null) {
            return null;
        }
        try {
            Instant instant = raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(raw).toInstant();
            return instant.truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw refused(name, raw, "is not a date (2026-11-20) or a time with its offset (2026-11-20T09:00:00Z)");
        }
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new IllegalArgumentException(name + " may be given once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> values(Map<String, List<String>> query, String name) {
        return query.getOrDefault(name, List.of()).stream()
                .flatMap(raw -> java.util.Arrays.stream(raw.split(",")))
                .filter(v -> !v.isBlank())
                .map(String::trim)
                .toList();
    }

    private static IllegalArgumentException refused(String parameter, String raw, String problem) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return new IllegalArgumentException(parameter + " '" + shown + "' " + problem);
    }
}
