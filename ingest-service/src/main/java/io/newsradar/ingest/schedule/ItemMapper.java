package io.newsradar.ingest.schedule;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.UrlCanonicalizer;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.ParsedFeed;
import java.net.URI;
import java.time.Instant;

/** Turns a feed item into the {@link RawArticle} ingest publishes. */
final class ItemMapper {

    private static final int LEAD_LIMIT = 1000;

    private ItemMapper() {
    }

    /** @throws IllegalArgumentException when the item has neither a link nor a GUID */
    static RawArticle toArticle(FeedSpec feed, ParsedFeed parsed, FeedItem item, Instant now) {
        String articleId = ArticleId.ofItem(feed.feedId(), item.link(), item.guid());
        String url = UrlCanonicalizer.canonicalOrNull(item.link());
        String language = feed.languageHint() != null ? feed.languageHint() : parsed.language();
        String source = feed.title() != null ? feed.title() : parsed.title() != null ? parsed.title() : host(feed.url());
        return new RawArticle(RawArticle.SCHEMA_VERSION, articleId, url, item.guid(), feed.feedId(), source, language,
                item.title(), truncate(item.summary()), item.content(), item.categories(),
                item.published() != null ? item.published() : item.updated(), now);
    }

    private static String host(String url) {
        return URI.create(url).getHost();
    }

    private static String truncate(String text) {
        return text.length() <= LEAD_LIMIT ? text : text.substring(0, LEAD_LIMIT);
    }
}
