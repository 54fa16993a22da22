package io.newsradar.gateway.story;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.ArticleSearch;
import io.newsradar.gateway.search.ArticleView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Reads stories off the articles' {@code story} field: the stories of the articles a query matches, largest first,
 * and one story with its articles. A story is as large as the articles it holds; what each shows (sources, languages,
 * first and last times, newest headline) is aggregated by Elasticsearch in the same request.
 */
public class StorySearch {

    private static final int LISTED_VALUES = 50;
    private static final List<String> HEADLINE_FIELDS = List.of("articleId", "title", "source", "language", "publishedAt");

    private final ElasticsearchAsyncClient client;
    private final ArticleSearch articles;
    private final Duration timeout;

    public StorySearch(ElasticsearchAsyncClient client, ArticleSearch articles, Duration timeout) {
        this.client = client;
        this.articles = articles;
        this.timeout = timeout;
    }

    /** The {@code size} largest stories holding an article the query matches, each counted on those articles. */
    public Mono<StoryPage> stories(ArticleQuery query, int size) {
        Query filter = Query.of(q -> q.bool(b -> b.filter(articles.filter(query)).filter(f -> f.exists(e -> e.field("story")))));
        return Mono.fromFuture(() -> client.search(s -> s.index(ArticleDocument.ALIAS).query(filter).size(0)
                        .trackTotalHits(t -> t.enabled(false))
                        .aggregations("total", a -> a.cardinality(c -> c.field("story")))
                        .aggregations("stories", a -> a.terms(t -> t.field("story").size(size))
                                .aggregations(summaryAggregations())), Void.class))
                .timeout(timeout)
                .map(response -> new StoryPage(response.aggregations().get("total").cardinality().value(),
                        response.aggregations().get("stories").sterms().buckets().array().stream().map(StorySearch::summary).toList()));
    }

    /** The story and its first {@code size} articles, earliest first; empty when no article is in it. */
    public Mono<StoryDetail> story(String id, int size) {
        Query filter = Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("articleId")))
                .filter(f -> f.term(t -> t.field("story").value(id)))));
        return Mono.fromFuture(() -> client.search(s -> s.index(ArticleDocument.ALIAS).query(filter).size(size)
                        .source(ArticleSearch.listFields()).fields(f -> f.field(ArticleView.STORY_FIELDS))
                        .sort(SortOptions.of(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc))),
                                SortOptions.of(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc))))
                        .trackTotalHits(t -> t.enabled(true))
                        .aggregations("stories", a -> a.terms(t -> t.field("story").size(1)).aggregations(summaryAggregations())),
                        ArticleDocument.class))
                .timeout(timeout)
                .flatMap(response -> {
                    List<StringTermsBucket> buckets = response.aggregations().get("stories").sterms().buckets().array();
                    if (buckets.isEmpty()) {
                        return Mono.empty();
                    }
                    List<ArticleView> listed = response.hits().hits().stream().filter(h -> h.source() != null)
                            .map(h -> ArticleView.of(h.source(), ArticleView.Story.of(h.fields()))).toList();
                    long total = response.hits().total() == null ? listed.size() : response.hits().total().value();
                    return Mono.just(new StoryDetail(summary(buckets.get(0)), listed, total > listed.size()));
                });
    }

    private static Map<String, Aggregation> summaryAggregations() {
        return Map.of(
                "sources", Aggregation.of(a -> a.terms(t -> t.field("source").size(LISTED_VALUES))),
                "languages", Aggregation.of(a -> a.terms(t -> t.field("language").size(LISTED_VALUES))),
                "first", Aggregation.of(a -> a.min(m -> m.field("publishedAt"))),
                "last", Aggregation.of(a -> a.max(m -> m.field("publishedAt"))),
                "newest", Aggregation.of(a -> a.topHits(h -> h.size(1).source(src -> src.filter(f -> f.includes(HEADLINE_FIELDS)))
                        .sort(SortOptions.of(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))),
                                SortOptions.of(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc)))))));
    }

    /** The fields of the newest article's headline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HeadlineSource(String articleId, String title, String source, String language, Instant publishedAt) {
    }

    private static StorySummary summary(StringTermsBucket bucket) {
        Map<String, Aggregate> aggs = bucket.aggregations();
        var newestHits = aggs.get("newest").topHits().hits().hits();
        StorySummary.Headline newest = null;
        if (!newestHits.isEmpty() && newestHits.get(0).source() != null) {
            JsonData source = newestHits.get(0).source();
            HeadlineSource h = source.to(HeadlineSource.class);
            newest = new StorySummary.Headline(h.articleId(), h.title(), h.source(), h.language(), h.publishedAt());
        }
        return new StorySummary(bucket.key().stringValue(), bucket.docCount(), keys(aggs.get("sources")), keys(aggs.get("languages")),
                instant(aggs.get("first").min().value()), instant(aggs.get("last").max().value()), newest);
    }

    private static List<String> keys(Aggregate terms) {
        return terms.sterms().buckets().array().stream().map(b -> b.key().stringValue()).toList();
    }

    private static Instant instant(Double millis) {
        return millis == null || millis.isNaN() || millis.isInfinite() ? null : Instant.ofEpochMilli(millis.longValue());
    }
}
