package io.newsradar.ingest.schedule;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.UrlCanonicalizer;
import io.newsradar.ingest.extract.ExtractedArticle;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.ParsedFeed;
import java.net.URI;
import java.time.Instant;

/** Turns a feed item, and the story extracted from its page when there is one, into the {@link RawArticle} ingest publishes. */
final class ItemMapper {

    private static final int LEAD_LIMIT = 1000;

    private ItemMapper() {
    }

    /** @throws IllegalArgumentException when the item has neither a link nor a GUID */
    static RawArticle toArticle(FeedSpec feed, ParsedFeed parsed, FeedItem item, ExtractedArticle page, Instant now) {
        String articleId = ArticleId.ofItem(feed.feedId(), item.link(), item.guid());
        String url = UrlCanonicalizer.canonicalOrNull(item.link());
        String language = firstText(feed.languageHint(), page == null ? null : page.language(), parsed.language());
        String source = firstText(feed.title(), parsed.title(), host(feed.url()));
        String title = firstText(item.title(), page == null ? null : page.headline(), "");
        String lead = page != null && !page.lead().isBlank() ? page.lead() : item.summary();
        String body = page != null && !page.body().isBlank() ? page.body() : item.content();
        Instant updated = item.updated() != null ? item.updated() : page == null ? null : page.updatedAt();
        String from;
        Instant published;
        if (item.published() != null) {
            published = item.published();
            from = "published";
        } else if (item.updated() != null) {
            published = item.updated();
            from = "updated";
        } else if (page != null && page.publishedAt() != null) {
            published = page.publishedAt();
            from = "page";
        } else {
            published = now;
            from = "ingested";
        }
        return new RawArticle(RawArticle.SCHEMA_VERSION, articleId, url, item.guid(), feed.feedId(), source, language,
                title, truncate(lead), body, item.categories(), published, now, updated, from);
    }

    private static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private static String host(String url) {
        return URI.create(url).getHost();
    }

    private static String truncate(String text) {
        return text.length() <= LEAD_LIMIT ? text : text.substring(0, LEAD_LIMIT);
    }
}
