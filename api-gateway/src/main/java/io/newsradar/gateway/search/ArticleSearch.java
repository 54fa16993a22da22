package io.newsradar.gateway.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.TextFolding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import reactor.core.publisher.Mono;

/**
 * Runs article queries against the index alias. Free text is folded and matched as plain words over an allow-list
 * of fields; it never reaches Elasticsearch as query syntax. Pages follow each other with {@code search_after} on a
 * total order (from a point in time when sorted by relevance), so paging neither skips nor repeats an article while
 * others are indexed, and there is no deep {@code from} paging.
 */
public class ArticleSearch {

    static final List<String> TEXT_FIELDS = List.of("folded.title^3", "folded.lead^2", "folded.body");
    static final List<String> FACETS = List.of("topics", "pair", "countries", "regions", "language");
    /** The facets counted on the tags' nested codes and scores when a {@code minConfidence} is given. */
    private static final Set<String> TAG_FACETS = Set.of("topics", "pair", "countries", "regions");
    private static final String CONFIDENCE = "confidence.";
    private static final Time KEEP_ALIVE = Time.of(t -> t.time("2m"));
    /** The cursor's point in time when pages are read from the live index. */
    private static final String NO_PIT = "";
    private static final int TOTAL_UP_TO = 10_000;
    private static final int FACET_SIZE = 50;
    /** Lists show no body: leaving it and its folded copies in the index halves what every page reads and parses. */
    private static final SourceConfig LIST_FIELDS = SourceConfig.of(c -> c.filter(f -> f.excludes("body", "folded")));

    private final ElasticsearchAsyncClient client;
    private final Duration timeout;
    private final KnownCodes codes;
    private final SearchLimiter limiter;
    private final CursorKey cursorKey;
    private final int maxHistogramBuckets;

    public ArticleSearch(ElasticsearchAsyncClient client, Duration timeout, KnownCodes codes, SearchLimiter limiter,
            CursorKey cursorKey, int maxHistogramBuckets) {
        this.client = client;
        this.timeout = timeout;
        this.codes = codes;
        this.limiter = limiter;
        this.cursorKey = cursorKey;
        this.maxHistogramBuckets = maxHistogramBuckets;
    }

    public Mono<ArticlePage> search(ArticleQuery query) {
        if (query.collapse()) {
            return collapsed(query);
        }
        return Mono.defer(() -> search(query, query.cursor() == null ? null : Cursor.decode(query.cursor(), cursorKey, query.sort())));
    }

    /**
     * One article per story ({@code collapse=story}): the first of each story in the query's order, each with its
     * story's size (all its articles, their distinct sources and languages, whatever the filters); {@code total}
     * counts the stories. One page: collapsing does not page with {@code search_after} on this order.
     */
    private Mono<ArticlePage> collapsed(ArticleQuery query) {
        Query filter = toQuery(query, codes);
        return limiter.limit(() -> Mono.fromFuture(() -> client.search(s -> s.index(ArticleDocument.ALIAS).query(filter)
                        .size(query.size()).sort(sort(query.sort())).source(LIST_FIELDS).fields(f -> f.field(ArticleView.STORY_FIELDS))
                        .collapse(c -> c.field("story")).trackTotalHits(t -> t.enabled(false))
                        .aggregations("stories", a -> a.cardinality(c -> c.field("story"))), ArticleDocument.class))
                .timeout(timeout))
                .flatMap(response -> {
                    List<ArticleView> items = views(response.hits().hits());
                    long total = response.aggregations().get("stories").cardinality().value();
                    List<String> stories = items.stream().filter(a -> a.story() != null).map(a -> a.story().id()).toList();
                    return storySizes(stories).map(sizes -> new ArticlePage(total, false, items.stream()
                            .map(a -> a.story() == null || !sizes.containsKey(a.story().id()) ? a : sizes.get(a.story().id()).apply(a))
                            .toList(), null));
                });
    }

    /** How many articles each story holds, and their distinct sources and languages. */
    private Mono<Map<String, java.util.function.UnaryOperator<ArticleView>>> storySizes(List<String> stories) {
        if (stories.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<FieldValue> ids = stories.stream().map(FieldValue::of).toList();
        return limiter.limit(() -> Mono.fromFuture(() -> client.search(s -> s.index(ArticleDocument.ALIAS).size(0)
                        .trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("articleId")))
                                .filter(f -> f.terms(t -> t.field("story").terms(v -> v.value(ids))))))
                        .aggregations("stories", a -> a.terms(t -> t.field("story").size(ids.size()))
                                .aggregations("sources", sub -> sub.terms(t -> t.field("source").size(FACET_SIZE)))
                                .aggregations("languages", sub -> sub.terms(t -> t.field("language").size(FACET_SIZE)))), Void.class))
                .timeout(timeout))
                .map(response -> {
                    Map<String, java.util.function.UnaryOperator<ArticleView>> sizes = new LinkedHashMap<>();
                    for (var bucket : response.aggregations().get("stories").sterms().buckets().array()) {
                        List<String> sources = keys(bucket.aggregations().get("sources"));
                        List<String> languages = keys(bucket.aggregations().get("languages"));
                        long count = bucket.docCount();
                        sizes.put(bucket.key().stringValue(), a -> a.withStorySize(count, sources, languages));
                    }
                    return sizes;
                });
    }

    /** The keys of a terms aggregation, most frequent first. */
    static List<String> keys(Aggregate terms) {
        return terms.sterms().buckets().array().stream().map(b -> b.key().stringValue()).toList();
    }

    /** The articles of a page, each with its story. */
    static List<ArticleView> views(List<Hit<ArticleDocument>> hits) {
        return hits.stream().filter(h -> h.source() != null).map(h -> ArticleView.of(h.source(), ArticleView.Story.of(h.fields()))).toList();
    }

    private Mono<ArticlePage> search(ArticleQuery query, Cursor cursor) {
        String fingerprint = fingerprint(query);
        if (cursor != null && !cursor.filters().equals(fingerprint)) {
            return Mono.error(new InvalidQueryException("cursor", "this cursor belongs to another query: keep the filters and sort of the page it came from"));
        }
        // Newest first, the order is total (publishedAt, then articleId) and articles arrive newest: search_after on
        // the live index neither skips nor repeats, so no point in time is needed. Relevance scores move as articles
        // arrive: those pages are read from a point in time.
        boolean snapshot = query.sort() == ArticleQuery.Sort.RELEVANCE;
        Mono<String> pit = cursor != null ? Mono.just(cursor.pit())
                : snapshot ? Mono.fromFuture(() -> client.openPointInTime(p -> p.index(ArticleDocument.ALIAS).keepAlive(KEEP_ALIVE))).map(r -> r.id())
                : Mono.just(NO_PIT);
        Query filter = toQuery(query, codes);
        return limiter.limit(() -> pit.timeout(timeout).flatMap(pitId -> Mono.fromFuture(() -> client.search(s -> {
                    if (pitId.equals(NO_PIT)) {
                        s.index(ArticleDocument.ALIAS);
                    } else {
                        s.pit(p -> p.id(pitId).keepAlive(KEEP_ALIVE));
                    }
                    // Counting stops at 10,000: an exact count of a broad filter costs more than the page itself.
                    s.query(filter).size(query.size()).trackTotalHits(t -> t.count(TOTAL_UP_TO)).sort(sort(query.sort()))
                            .source(LIST_FIELDS).fields(f -> f.field(ArticleView.STORY_FIELDS));
                    return cursor == null ? s : s.searchAfter(cursor.after());
                }, ArticleDocument.class))
                .timeout(timeout)
                .onErrorMap(ElasticsearchException.class, e -> expired(e) ? new InvalidQueryException("cursor",
                        "this cursor has expired (pages are kept for 2 minutes): start again from the first page") : e)
                .map(response -> page(response, query, fingerprint, pitId))));
    }

    private ArticlePage page(SearchResponse<ArticleDocument> response, ArticleQuery query, String fingerprint, String pitId) {
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        String next = null;
        if (hits.size() == query.size()) {
            String pit = response.pitId() != null ? response.pitId() : pitId;
            next = new Cursor(pit, hits.get(hits.size() - 1).sort(), fingerprint).encode(cursorKey);
        } else if (!pitId.equals(NO_PIT)) {
            client.closePointInTime(c -> c.id(pitId)); // the last page: the point in time is not needed any more
        }
        var total = response.hits().total();
        return new ArticlePage(total == null ? hits.size() : total.value(),
                total != null && total.relation() == TotalHitsRelation.Gte,
                views(hits), next);
    }

    /**
     * The articles matching the query's filters, published at or after {@code publishedSince}, classified after the
     * position ({@code classifiedAt}, then article id), oldest first: what a live stream resuming from there missed.
     */
    public Mono<List<ArticleDocument>> classifiedAfter(ArticleQuery query, long classifiedAtMillis, String articleId,
            Instant publishedSince, int limit) {
        Query filter = toQuery(query, codes);
        Query since = Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt").gte(publishedSince.toString()))));
        return Mono.fromFuture(() -> client.search(s -> s.index(ArticleDocument.ALIAS)
                        .query(q -> q.bool(b -> b.filter(filter, since)))
                        .size(limit)
                        .source(LIST_FIELDS)
                        .trackTotalHits(t -> t.enabled(false))
                        .sort(List.of(SortOptions.of(o -> o.field(f -> f.field("classifiedAt").order(SortOrder.Asc))),
                                SortOptions.of(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc)))))
                        .searchAfter(FieldValue.of(classifiedAtMillis), FieldValue.of(articleId)), ArticleDocument.class))
                .timeout(timeout)
                .map(response -> response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList());
    }

    /** The article, or empty when there is none with that id. */
    public Mono<ArticleView> find(String articleId) {
        return limiter.limit(() -> Mono.fromFuture(() -> client.get(g -> g.index(ArticleDocument.ALIAS).id(articleId), JsonData.class))
                .timeout(timeout)
                .filter(response -> response.found() && response.source() != null)
                .flatMap(response -> {
                    // A document without articleId holds only a story, or records a merge: there is no article yet.
                    StoredStory story = response.source().to(StoredStory.class);
                    return story.articleId() == null ? Mono.empty()
                            : Mono.just(ArticleView.of(response.source().to(ArticleDocument.class), story.view()));
                }));
    }

    /** The article id and story fields of a stored document, as a get reads them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredStory(String articleId, String story, Double storyScore, String storyMatchedArticleId, List<String> storySharedNames,
                       List<String> storySharedNumbers) {

        ArticleView.Story view() {
            return story == null ? null : new ArticleView.Story(story, storyScore, storyMatchedArticleId, storySharedNames,
                    storySharedNumbers, null, null, null);
        }
    }

    /**
     * Counts per topic, pair, country, region and language, and per {@code interval} of publication time: first the
     * counts with the earliest and latest matching publication times, then the histogram over that span
     * ({@link HistogramPlan}), so that no spread of dates asks Elasticsearch for more buckets than it allows.
     */
    public Mono<Facets> facets(ArticleQuery query, CalendarInterval interval) {
        Query filter = toQuery(query, codes);
        return limiter.limit(() -> Mono.fromFuture(() -> client.search(s -> {
                    s.index(ArticleDocument.ALIAS).query(filter).size(0).trackTotalHits(t -> t.enabled(true));
                    for (String field : FACETS) {
                        if (query.minConfidence() > 0 && TAG_FACETS.contains(field)) {
                            s.aggregations(field, confidentFacet(field, query.minConfidence()));
                        } else {
                            s.aggregations(field, a -> a.terms(t -> t.field(field).size(FACET_SIZE)));
                        }
                    }
                    return s.aggregations("earliest", a -> a.min(m -> m.field("publishedAt")))
                            .aggregations("latest", a -> a.max(m -> m.field("publishedAt")));
                }, Void.class))
                .timeout(timeout))
                .flatMap(response -> {
                    Map<String, List<Facets.Count>> counts = new LinkedHashMap<>();
                    for (String field : FACETS) {
                        Aggregate agg = response.aggregations().get(field);
                        if (agg.isNested()) {
                            counts.put(field, agg.nested().aggregations().get("confident").filter().aggregations().get("codes")
                                    .sterms().buckets().array().stream()
                                    .map(b -> new Facets.Count(b.key().stringValue(), b.aggregations().get("articles").reverseNested().docCount()))
                                    .toList());
                        } else {
                            counts.put(field, agg.sterms().buckets().array().stream()
                                    .map(b -> new Facets.Count(b.key().stringValue(), b.docCount())).toList());
                        }
                    }
                    long total = response.hits().total() == null ? 0 : response.hits().total().value();
                    Double earliest = response.aggregations().get("earliest").min().value();
                    Double latest = response.aggregations().get("latest").max().value();
                    if (total == 0 || earliest == null || latest == null || earliest.isNaN() || latest.isNaN()) {
                        return Mono.just(new Facets(total, counts, List.of(), interval.jsonValue(), false));
                    }
                    HistogramPlan plan = HistogramPlan.of(interval,
                            query.from() != null ? query.from() : Instant.ofEpochMilli(earliest.longValue()),
                            query.to() != null ? query.to().minusMillis(1) : Instant.ofEpochMilli(latest.longValue()),
                            maxHistogramBuckets);
                    return histogram(filter, plan).map(published -> new Facets(total, counts, published, plan.intervalName(), plan.cut()));
                });
    }

    /** Per code, the articles with a tag of the kind of that code whose score counts ({@link MinConfidence}). */
    private static Aggregation confidentFacet(String field, double minConfidence) {
        String path = CONFIDENCE + field;
        return Aggregation.of(a -> a.nested(n -> n.path(path))
                .aggregations("confident", c -> c.filter(f -> f.range(r -> r.number(d -> d.field(path + ".score").gte(minConfidence))))
                        .aggregations("codes", t -> t.terms(terms -> terms.field(path + ".code").size(FACET_SIZE))
                                .aggregations("articles", r -> r.reverseNested(rn -> rn)))));
    }

    private Mono<List<Facets.Bucket>> histogram(Query filter, HistogramPlan plan) {
        FieldDateMath from = FieldDateMath.of(f -> f.value((double) plan.from().toEpochMilli()));
        FieldDateMath to = FieldDateMath.of(f -> f.value((double) plan.to().toEpochMilli()));
        return limiter.limit(() -> Mono.fromFuture(() -> client.search(s -> s.index(ArticleDocument.ALIAS).query(filter).size(0)
                        .trackTotalHits(t -> t.enabled(false))
                        .aggregations("published", a -> a.dateHistogram(h -> h.field("publishedAt").calendarInterval(plan.interval())
                                .minDocCount(0).extendedBounds(b -> b.min(from).max(to)).hardBounds(b -> b.min(from).max(to)))),
                        Void.class))
                .timeout(timeout)
                .map(response -> response.aggregations().get("published").dateHistogram().buckets().array().stream()
                        .map(b -> new Facets.Bucket(Instant.ofEpochMilli(b.key()), b.docCount())).toList()));
    }

    /** The Elasticsearch query choosing the articles the query's filters match, as every route here builds it. */
    public Query filter(ArticleQuery query) {
        return toQuery(query, codes);
    }

    /** Newest first, then by article id: a total order, the one the list pages and the exports follow. */
    public static List<SortOptions> newestFirst() {
        return sort(ArticleQuery.Sort.NEWEST);
    }

    /** What an article in a list needs of its document: everything but the body and the folded copies. */
    public static SourceConfig listFields() {
        return LIST_FIELDS;
    }

    static Query toQuery(ArticleQuery query, KnownCodes codes) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        // A document without articleId holds only a story (its assignment came before the article) or records a merge.
        bool.filter(f -> f.exists(e -> e.field("articleId")));
        terms(bool, "story", query.stories());
        if (query.collapse()) {
            bool.filter(f -> f.exists(e -> e.field("story")));
        }
        double min = query.minConfidence();
        tags(bool, "pair", query.pairs(), min);
        tags(bool, "countries", query.countries(), min);
        Set<String> regionCodes = new TreeSet<>();
        query.regions().forEach(code -> regionCodes.addAll(codes.relatedRegions(code)));
        tags(bool, "regions", List.copyOf(regionCodes), min);
        tags(bool, "topics", query.topics(), min);
        terms(bool, "language", query.languages());
        terms(bool, "source", query.sources());
        if (!query.feeds().isEmpty()) {
            // An article is in a feed that published it first (feedId) or that carried it as well (alsoIn).
            List<FieldValue> feeds = query.feeds().stream().map(FieldValue::of).toList();
            bool.filter(f -> f.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.terms(t -> t.field("feedId").terms(v -> v.value(feeds))))
                    .should(s -> s.terms(t -> t.field("alsoIn").terms(v -> v.value(feeds))))));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (query.from() != null) {
                    d.gte(query.from().toString());
                }
                if (query.to() != null) {
                    d.lt(query.to().toString());
                }
                return d;
            })));
        }
        if (query.text() != null) {
            String folded = TextFolding.fold(query.text());
            bool.must(m -> m.multiMatch(mm -> mm.query(folded).fields(TEXT_FIELDS).operator(Operator.And)));
        }
        return bool.build()._toQuery();
    }

    private static List<SortOptions> sort(ArticleQuery.Sort sort) {
        List<SortOptions> options = new ArrayList<>();
        if (sort == ArticleQuery.Sort.RELEVANCE) {
            options.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        }
        options.add(SortOptions.of(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))));
        options.add(SortOptions.of(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc))));
        return options;
    }

    /**
     * A tag filter: with no {@code minConfidence}, a term of the flat field; with one, a nested tag of the kind with one
     * of the codes and a score at least the value ({@link MinConfidence}).
     */
    private static void tags(BoolQuery.Builder bool, String field, List<String> values, double minConfidence) {
        if (values.isEmpty() || minConfidence == 0) {
            terms(bool, field, values);
            return;
        }
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        String path = CONFIDENCE + field;
        bool.filter(f -> f.nested(n -> n.path(path).query(q -> q.bool(b -> b
                .filter(c -> c.terms(t -> t.field(path + ".code").terms(v -> v.value(terms))))
                .filter(c -> c.range(r -> r.number(d -> d.field(path + ".score").gte(minConfidence))))))));
    }

    private static void terms(BoolQuery.Builder bool, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(terms))));
        }
    }

    /** A digest of everything that chooses and orders the articles, but not of the page size or the cursor. */
    static String fingerprint(ArticleQuery q) {
        String key = String.join("|", q.pairs().toString(), q.countries().toString(), q.regions().toString(),
                q.topics().toString(), q.languages().toString(), q.sources().toString(), q.feeds().toString(),
                String.valueOf(q.from()), String.valueOf(q.to()), String.valueOf(q.text()), q.sort().name())
                // Without minConfidence the key is as it always was, so the cursors given out before it still continue.
                + (q.minConfidence() > 0 ? "|" + q.minConfidence() : "")
                + (q.stories().isEmpty() ? "" : "|story=" + q.stories());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean expired(ElasticsearchException e) {
        String type = e.error() == null ? "" : String.valueOf(e.error().type());
        return e.status() == 404 || type.contains("search_context_missing") || String.valueOf(e.getMessage()).contains("No search context");
    }
}
