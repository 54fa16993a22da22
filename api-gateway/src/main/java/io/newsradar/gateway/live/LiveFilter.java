package io.newsradar.gateway.live;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.ArticleView;
import io.newsradar.gateway.search.KnownCodes;
import io.newsradar.reference.filter.ArticleFilter;
import io.newsradar.reference.filter.FilterCriteria;
import io.newsradar.reference.filter.FilteredArticle;
import java.util.Set;

/**
 * The filters of {@code /api/v1/articles} applied in memory to one streamed article, as the index applies them. The
 * rules are {@link ArticleFilter}'s, the same that alert-service matches saved searches by; this class only hands it
 * the checked query and the article's view.
 */
final class LiveFilter {

    private final ArticleFilter filter;

    LiveFilter(ArticleQuery query, KnownCodes codes) {
        filter = new ArticleFilter(new FilterCriteria(Set.copyOf(query.pairs()), Set.copyOf(query.countries()),
                Set.copyOf(query.regions()), Set.copyOf(query.topics()), Set.copyOf(query.languages()),
                Set.copyOf(query.sources()), Set.copyOf(query.feeds()), query.from(), query.to(), query.text(),
                query.minConfidence()), codes::relatedRegions);
    }

    boolean matches(LiveArticle article) {
        ArticleView view = article.view();
        return filter.matches(new FilteredArticle(view.pair(), view.countries(), view.regions(), view.topics(),
                view.language(), view.source(), view.feedId(), view.publishedAt(),
                ArticleDocument.Confidence.of(view.tags()), article.titleWords()));
    }
}
