package io.newsradar.gateway.export;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.ArticleSearch;
import io.newsradar.gateway.search.ArticleView;
import io.newsradar.gateway.search.InvalidQueryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every article a query's filters match, read from one Elasticsearch point in time a page at a time with
 * {@code search_after}, newest first then by article id (a total order, so a resumed export continues exactly after
 * its last article). A page is asked for only once the one before it has been taken, so at most two pages are held
 * whatever the export's size. The point in time is closed however the export ends: complete, failed, or cancelled
 * because the client went away.
 */
final class ArticleExport {

    private static final Logger log = LoggerFactory.getLogger(ArticleExport.class);
    /** The point in time's own tie-breaker, after the article id: it makes the sort values a full position. */
    private static final SortOptions SHARD_DOC = SortOptions.of(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));

    private final ElasticsearchAsyncClient client;
    private final ArticleSearch search;
    private final int pageSize;
    private final Time keepAlive;
    private final Duration timeout;
    private final AtomicInteger openPits = new AtomicInteger();

    ArticleExport(ElasticsearchAsyncClient client, ArticleSearch search, int pageSize, Duration keepAlive, Duration timeout) {
        this.client = client;
        this.search = search;
        this.pageSize = pageSize;
        this.keepAlive = Time.of(t -> t.time(keepAlive.toSeconds() + "s"));
        this.timeout = timeout;
    }

    /** One page of an export and where the next starts; {@code last} when there is no next. */
    private record Page(List<ArticleView> articles, List<FieldValue> next, boolean last) {
    }

    /**
     * Where an export resuming after the article {@code after} starts: the article's sort values. Empty for an export
     * from the start.
     *
     * @return an {@link InvalidQueryException} naming {@code after} when there is no such article
     */
    Mono<List<FieldValue>> start(String after) {
        if (after == null) {
            return Mono.just(List.of());
        }
        return Mono.fromFuture(() -> client.search(s -> s.index(ArticleDocument.ALIAS).query(q -> q.ids(i -> i.values(after)))
                        .size(1).source(c -> c.fetch(false)).trackTotalHits(t -> t.enabled(false)).sort(ArticleSearch.newestFirst()),
                        Void.class))
                .timeout(timeout)
                .flatMap(response -> {
                    List<Hit<Void>> hits = response.hits().hits();
                    if (hits.isEmpty()) {
                        return Mono.error(new InvalidQueryException(ExportQuery.AFTER, "no article has the id '" + after
                                + "': pass the id of the last article an export of the same filters sent"));
                    }
                    List<FieldValue> position = new ArrayList<>(hits.get(0).sort());
                    // The article itself, at whatever place it holds in the shard, is before the resumed export.
                    position.add(FieldValue.of(Long.MAX_VALUE));
                    return Mono.just(List.copyOf(position));
                });
    }

    /** How many articles the filters match now (a {@code HEAD} of the export reports it). */
    Mono<Long> count(ArticleQuery filters) {
        Query filter = search.filter(filters);
        return Mono.fromFuture(() -> client.count(c -> c.index(ArticleDocument.ALIAS).query(filter))).timeout(timeout)
                .map(response -> response.count());
    }

    /** The articles, from {@code start} ({@link #start}) on; the point in time is opened on subscription. */
    Flux<ArticleView> articles(ArticleQuery filters, List<FieldValue> start) {
        Query filter = search.filter(filters);
        return Flux.usingWhen(open(), pit -> page(pit, filter, start)
                        .expand(page -> page.last() ? Mono.empty() : page(pit, filter, page.next()))
                        .concatMapIterable(Page::articles, 1),
                this::close, (pit, error) -> close(pit), this::close);
    }

    /** Points in time this gateway's exports hold open. */
    int openPointsInTime() {
        return openPits.get();
    }

    private Mono<AtomicReference<String>> open() {
        return Mono.fromFuture(() -> client.openPointInTime(p -> p.index(ArticleDocument.ALIAS).keepAlive(keepAlive)))
                .timeout(timeout)
                .map(response -> {
                    openPits.incrementAndGet();
                    return new AtomicReference<>(response.id());
                });
    }

    private Mono<Page> page(AtomicReference<String> pit, Query filter, List<FieldValue> after) {
        List<SortOptions> sort = new ArrayList<>(ArticleSearch.newestFirst());
        sort.add(SHARD_DOC);
        return Mono.fromFuture(() -> client.search(s -> {
                    // A shard that fails must fail the page: partial results would be rows silently missing.
                    s.pit(p -> p.id(pit.get()).keepAlive(keepAlive)).query(filter).size(pageSize).sort(sort)
                            .source(ArticleSearch.listFields()).trackTotalHits(t -> t.enabled(false)).allowPartialSearchResults(false);
                    return after.isEmpty() ? s : s.searchAfter(after);
                }, ArticleDocument.class))
                .timeout(timeout)
                .map(response -> {
                    if (response.shards().failed().intValue() > 0) {
                        throw new IllegalStateException(response.shards().failed() + " of " + response.shards().total()
                                + " shards failed to give their page");
                    }
                    if (response.pitId() != null) {
                        pit.set(response.pitId());
                    }
                    List<Hit<ArticleDocument>> hits = response.hits().hits();
                    List<ArticleView> articles = hits.stream().map(Hit::source).filter(Objects::nonNull).map(ArticleView::of).toList();
                    boolean last = hits.size() < pageSize;
                    return new Page(articles, last ? List.of() : hits.get(hits.size() - 1).sort(), last);
                });
    }

    private Mono<Void> close(AtomicReference<String> pit) {
        return Mono.fromFuture(() -> client.closePointInTime(c -> c.id(pit.get())))
                .timeout(timeout)
                .doOnError(e -> log.atWarn().addKeyValue("error", e.toString())
                        .log("an export's point in time could not be closed; Elasticsearch drops it when its keep-alive ends"))
                .onErrorComplete()
                .doFinally(signal -> openPits.decrementAndGet())
                .then();
    }
}
