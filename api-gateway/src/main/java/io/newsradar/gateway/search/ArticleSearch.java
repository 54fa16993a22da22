package io.newsradar.gateway.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.TextFolding;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Runs article queries against the index alias. Free text is folded and matched as plain words over an allow-list
 * of fields; it never reaches Elasticsearch as query syntax.
 */
public class ArticleSearch {

    static final List<String> TEXT_FIELDS = List.of("folded.title^3", "folded.lead^2", "folded.body");

    private final ElasticsearchAsyncClient client;
    private final Duration timeout;

    public ArticleSearch(ElasticsearchAsyncClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    public Mono<ArticlePage> search(ArticleQuery query) {
        Query filter = toQuery(query);
        return Mono.fromFuture(() -> client.search(s -> s
                        .index(ArticleDocument.ALIAS)
                        .query(filter)
                        .size(query.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("articleId").order(SortOrder.Asc))),
                        ArticleDocument.class))
                .timeout(timeout)
                .map(response -> new ArticlePage(
                        response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value(),
                        response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).map(ArticleView::of).toList()));
    }

    /** The article, or empty when there is none with that id. */
    public Mono<ArticleView> find(String articleId) {
        return Mono.fromFuture(() -> client.get(g -> g.index(ArticleDocument.ALIAS).id(articleId), ArticleDocument.class))
                .timeout(timeout)
                .filter(response -> response.found() && response.source() != null)
                .map(response -> ArticleView.of(response.source()));
    }

    static Query toQuery(ArticleQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        terms(bool, "pair", query.pairs());
        terms(bool, "countries", query.countries());
        terms(bool, "topics", query.topics());
        terms(bool, "language", query.languages());
        if (query.text() != null) {
            String folded = TextFolding.fold(query.text());
            bool.must(m -> m.multiMatch(mm -> mm.query(folded).fields(TEXT_FIELDS).operator(Operator.And)));
        }
        return bool.build()._toQuery();
    }

    private static void terms(BoolQuery.Builder bool, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(terms))));
        }
    }
}
