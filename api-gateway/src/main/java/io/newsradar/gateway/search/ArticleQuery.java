package io.newsradar.gateway.search;

import io.newsradar.contracts.ArticleId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The filters of {@code GET /api/v1/articles}, checked. A parameter given several times (or with commas) means any
 * of its values; different parameters must all hold.
 *
 * @param pairs     country pairs in canonical form ({@code JP-VN}), of countries newsradar knows ({@link KnownCodes})
 * @param countries ISO alpha-2 codes newsradar knows
 * @param regions   ISO 3166-2 codes newsradar knows, a merged region's too
 * @param topics    topics of the taxonomy
 * @param languages language tags
 * @param sources   source names, as the feeds give them
 * @param feeds     feed ids
 * @param from      published at or after, or {@code null}
 * @param to        published before, or {@code null}
 * @param text      free text, or {@code null}; never passed to Elasticsearch as query syntax
 * @param sort      the order of the articles
 * @param size      articles per page
 * @param cursor    where the previous page ended as the client gave it ({@link Cursor}, checked for its shape here and
 *                  for its signature by the search), or {@code null} for the first page
 * @param minConfidence the least score, from 0 to 1, a tag must have for a tag filter ({@code pair}, {@code country},
 *                  {@code region}, {@code topic}) to match it and for the facets to count it; 0 (the default) takes every tag
 * @param stories   story ids (a story id is the id of the article that opened it); empty for any story or none
 * @param collapse  whether a list shows one article per story ({@code collapse=story}): the newest of each, with the
 *                  story's size; articles in no story are left out then
 */
public record ArticleQuery(List<String> pairs, List<String> countries, List<String> regions, List<String> topics,
        List<String> languages, List<String> sources, List<String> feeds, Instant from, Instant to, String text, Sort sort,
        int size, String cursor, double minConfidence, List<String> stories, boolean collapse) {

    /** Newest first (the default), or best match first. */
    public enum Sort { NEWEST, RELEVANCE }

    /** The parameters that choose articles, shared by the list, the facets and the feeds. */
    static final Set<String> FILTERS = Set.of("pair", "country", "region", "topic", "lang", "source", "feed", "from", "to", "q",
            MinConfidence.PARAMETER, "story");
    /** {@code collapse=story}: one article per story. */
    public static final String COLLAPSE = "collapse";
    static final Set<String> PARAMETERS = union(FILTERS, Set.of("sort", "size", "cursor", COLLAPSE));
    /**
     * The filters a saved search keeps ({@code news.searches}): those of the list but {@code from} and {@code to}, since
     * a saved search follows the articles still to come. Checked by the same rules as every other route's.
     */
    public static final Set<String> SAVED_FILTERS = Set.of("pair", "country", "region", "topic", "lang", "source", "feed", "q",
            MinConfidence.PARAMETER);
    private static final Pattern SOURCE = Pattern.compile("[\\p{L}\\p{N} .,'&()_-]{1,100}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
    private static final int MAX_VALUES = 20;
    private static final int MAX_TEXT = 500;
    /** The earliest {@code from} or {@code to} accepted: the first instant Elasticsearch dates can be written in. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest {@code from} or {@code to} accepted: the last instant with a four-digit year. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public ArticleQuery {
        pairs = List.copyOf(pairs);
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
        topics = List.copyOf(topics);
        languages = List.copyOf(languages);
        sources = List.copyOf(sources);
        feeds = List.copyOf(feeds);
        stories = List.copyOf(stories);
    }

    /** The same filters over another period, newest first, for {@code size} articles from the first page. */
    public ArticleQuery between(Instant from, Instant to, int size) {
        return new ArticleQuery(pairs, countries, regions, topics, languages, sources, feeds, from, to, text, Sort.NEWEST,
                size, null, minConfidence, stories, false);
    }

    /** The filters alone, for the facets: sorting and paging parameters are not accepted there. */
    public static ArticleQuery filters(MultiValueMap<String, String> parameters, KnownCodes codes, Set<String> extra) {
        check(parameters, union(FILTERS, extra));
        return parse(parameters, 1, 1, codes);
    }

    /**
     * The filters of a saved search.
     *
     * @throws InvalidQueryException naming the first parameter that is wrong, {@code from} and {@code to} among them
     */
    public static ArticleQuery saved(MultiValueMap<String, String> parameters, KnownCodes codes) {
        for (String time : List.of("from", "to")) {
            if (parameters.containsKey(time)) {
                throw new InvalidQueryException(time, time + " cannot be saved: a saved search follows the articles still to come");
            }
        }
        check(parameters, SAVED_FILTERS);
        return parse(parameters, 1, 1, codes);
    }

    /** The filters, a size and a cursor, newest first, for the Atom and RSS feeds. */
    public static ArticleQuery feed(MultiValueMap<String, String> parameters, int defaultSize, int maxSize, KnownCodes codes) {
        check(parameters, union(FILTERS, Set.of("size", "cursor")));
        return parse(parameters, defaultSize, maxSize, codes);
    }

    /** @throws InvalidQueryException naming the first parameter that is wrong */
    public static ArticleQuery from(MultiValueMap<String, String> parameters, int defaultSize, int maxSize, KnownCodes codes) {
        check(parameters, PARAMETERS);
        return parse(parameters, defaultSize, maxSize, codes);
    }

    private static void check(MultiValueMap<String, String> parameters, Set<String> known) {
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidQueryException(name, "unknown parameter '" + name + "'; known: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        for (String single : List.of("from", "to", "q", "sort", "size", "cursor", MinConfidence.PARAMETER, COLLAPSE)) {
            if (parameters.getOrDefault(single, List.of()).size() > 1) {
                throw new InvalidQueryException(single, single + " may be given once");
            }
        }
    }

    private static ArticleQuery parse(MultiValueMap<String, String> parameters, int defaultSize, int maxSize, KnownCodes codes) {
        List<String> pairs = codes(parameters, "pair", codes::pair);
        List<String> countries = codes(parameters, "country", codes::country);
        List<String> regions = codes(parameters, "region", codes::region);
        List<String> topics = codes(parameters, "topic", codes::topic);
        List<String> sources = values(parameters, "source");
        for (String source : sources) {
            if (!SOURCE.matcher(source).matches()) {
                throw new InvalidQueryException("source", "source must be a source's name (letters, digits, spaces, up to 100), was '" + source + "'");
            }
        }
        List<String> languages = tokens(parameters, "lang");
        List<String> feeds = tokens(parameters, "feed");
        Instant from = instant(parameters.getFirst("from"), "from");
        Instant to = instant(parameters.getFirst("to"), "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("from", "from must be before to");
        }
        String text = parameters.getFirst("q");
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw new InvalidQueryException("q", "q must hold 1 to " + MAX_TEXT + " characters");
        }
        Sort sort = sort(parameters.getFirst("sort"));
        if (sort == Sort.RELEVANCE && text == null) {
            throw new InvalidQueryException("sort", "sort=relevance needs a q to be relevant to");
        }
        String cursor = parameters.getFirst("cursor");
        if (cursor != null) {
            Cursor.checkShape(cursor);
        }
        List<String> stories = values(parameters, "story");
        for (String story : stories) {
            if (!ArticleId.isValid(story)) {
                throw new InvalidQueryException("story", "story must be a story id (the id of the article that opened it:"
                        + " 22 characters of URL-safe base64), was '" + shown(story) + "'");
            }
        }
        boolean collapse = collapse(parameters.getFirst(COLLAPSE));
        if (collapse && cursor != null) {
            throw new InvalidQueryException("cursor", "collapse=story shows the first page of stories only: it takes no cursor");
        }
        return new ArticleQuery(pairs, countries, regions, topics, languages, sources, feeds, from, to, text, sort,
                size(parameters.getFirst("size"), defaultSize, maxSize), cursor,
                MinConfidence.parse(parameters.getFirst(MinConfidence.PARAMETER)), stories, collapse);
    }

    private static boolean collapse(String raw) {
        if (raw == null) {
            return false;
        }
        if (raw.equals("story")) {
            return true;
        }
        throw new InvalidQueryException(COLLAPSE, "collapse must be story (one article per story), was '" + shown(raw) + "'");
    }

    private static String shown(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }

    /**
     * A date ({@code 2026-11-20}, midnight UTC) or an instant ({@code 2026-11-20T09:00:00Z}), to the millisecond,
     * from {@link #EARLIEST} to {@link #LATEST}.
     */
    private static Instant instant(String raw, String name) {
        if (raw == null) {
            return null;
        }
        Instant instant;
        try {
            instant = raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidQueryException(name, name + " must be a date (2026-11-20) or a time with its offset (2026-11-20T09:00:00Z), was '" + raw + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidQueryException(name, name + " must lie between " + EARLIEST + " and " + LATEST + ", was '" + raw + "'");
        }
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Sort sort(String raw) {
        if (raw == null || raw.equals("newest")) {
            return Sort.NEWEST;
        }
        if (raw.equals("relevance")) {
            return Sort.RELEVANCE;
        }
        throw new InvalidQueryException("sort", "sort must be newest or relevance, was '" + raw + "'");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** The values of a code parameter, each checked and written as {@link KnownCodes} writes it. */
    private static List<String> codes(MultiValueMap<String, String> parameters, String name, UnaryOperator<String> code) {
        return values(parameters, name).stream().map(code).toList();
    }

    private static List<String> tokens(MultiValueMap<String, String> parameters, String name) {
        List<String> values = values(parameters, name);
        for (String value : values) {
            if (!TOKEN.matcher(value).matches()) {
                throw new InvalidQueryException(name, name + " must be a key such as 'vi' (ASCII letters, digits, '-' or '_'), was '" + value + "'");
            }
        }
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
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
