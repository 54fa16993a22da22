package io.newsradar.gateway.search;

import io.newsradar.contracts.ArticleDocument;
import java.time.Instant;
import java.util.List;

/** An article as the API shows it: what a client lists and filters by, with the tags' scores and evidence. */
public record ArticleView(
        String id,
        String url,
        String title,
        String lead,
        String source,
        String feedId,
        String language,
        Instant publishedAt,
        String pair,
        List<String> countries,
        List<String> regions,
        List<String> topics,
        ArticleDocument.Tags tags,
        String classifierVersion) {

    public static ArticleView of(ArticleDocument doc) {
        return new ArticleView(doc.articleId(), doc.url(), doc.title(), doc.lead(), doc.source(), doc.feedId(),
                doc.language(), doc.publishedAt(), doc.pair(), doc.countries(), doc.regions(), doc.topics(), doc.tags(),
                doc.classifierVersion());
    }
}
