package io.newsradar.gateway.live;

import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.ArticleSearch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a stream resuming from a position missed, oldest first, at most {@code maxResume}. When the article at the
 * position is among the {@link RecentArticles}, it is what this gateway read after it, in the order it read them.
 * Otherwise it is what the index holds classified after the position (published within the horizon), followed by the
 * recent articles after the position that the index does not have yet.
 */
final class MissedArticles {

    /**
     * @param articles the missed articles, oldest first
     * @param complete whether they are all there is; if not, the stream sends them and a {@code gap} to resume from
     */
    record Backlog(List<LiveArticle> articles, boolean complete) {

        static final Backlog NONE = new Backlog(List.of(), true);
    }

    private final ArticleSearch search;
    private final RecentArticles recent;
    private final JsonMapper mapper;
    private final Duration horizon;
    private final int maxResume;
    private final Clock clock;

    MissedArticles(ArticleSearch search, RecentArticles recent, JsonMapper mapper, Duration horizon, int maxResume, Clock clock) {
        this.search = search;
        this.recent = recent;
        this.mapper = mapper;
        this.horizon = horizon;
        this.maxResume = maxResume;
        this.clock = clock;
    }

    /** Call once the stream is subscribed to the live articles, so that nothing falls between the two. */
    Mono<Backlog> since(ArticleQuery query, LiveFilter filter, EventPosition position) {
        Optional<List<LiveArticle>> held = recent.after(position, filter::matches);
        if (held.isPresent()) {
            return Mono.just(bounded(held.get()));
        }
        Instant publishedSince = Instant.now(clock).minus(horizon);
        return search.classifiedAfter(query, position.classifiedAt(), position.articleId(), publishedSince, maxResume + 1)
                .map(docs -> {
                    List<LiveArticle> missed = new ArrayList<>(docs.size());
                    Set<Long> revisions = new HashSet<>();
                    docs.forEach(doc -> {
                        LiveArticle article = LiveArticle.of(doc, mapper, -1);
                        missed.add(article);
                        revisions.add(article.revision());
                    });
                    if (missed.size() <= maxResume) {
                        // Read from Kafka but maybe not indexed yet: the newest part of what was missed.
                        recent.laterThan(position, filter::matches).stream()
                                .filter(article -> !revisions.contains(article.revision()))
                                .forEach(missed::add);
                    }
                    return bounded(missed);
                });
    }

    private Backlog bounded(List<LiveArticle> missed) {
        return missed.size() <= maxResume ? new Backlog(missed, true) : new Backlog(List.copyOf(missed.subList(0, maxResume)), false);
    }
}
