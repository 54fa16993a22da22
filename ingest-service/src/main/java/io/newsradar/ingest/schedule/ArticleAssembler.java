package io.newsradar.ingest.schedule;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.UrlCanonicalizer;
import io.newsradar.ingest.dedupe.ItemIdentity;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.ParsedFeed;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Builds the {@link RawArticle} of a feed item, each step once and its result handed on: the identity (the URL
 * canonicalised, the article id and dedupe's keys: {@link ItemIdentity}) before dedupe judges the item, then for an
 * item to publish the page fetched and extracted ({@link ArticlePages}), the language decided
 * ({@link ArticleLanguage}) and the fields fitted to their limits ({@link ItemMapper}).
 */
final class ArticleAssembler {

    private final ArticlePages pages;
    private final ItemMapper mapper;
    private final UnaryOperator<String> canonicalizer;

    ArticleAssembler(ArticlePages pages, FieldLimits limits) {
        this(pages, limits, UrlCanonicalizer::canonicalOrNull);
    }

    /** @param canonicalizer the canonical form of a URL, or {@code null} for text that is not an http(s) URL */
    ArticleAssembler(ArticlePages pages, FieldLimits limits, UnaryOperator<String> canonicalizer) {
        this.pages = pages;
        this.mapper = new ItemMapper(limits);
        this.canonicalizer = canonicalizer;
    }

    /**
     * @throws ItemRefused              when the item's link or GUID is longer than newsradar takes as an identity
     * @throws IllegalArgumentException when the item has neither a link nor a GUID
     */
    ItemIdentity identify(FeedSpec feed, FeedItem item) {
        mapper.checkIdentity(item);
        return ItemIdentity.of(feed.feedId(), item, canonicalizer);
    }

    /** @throws ItemRefused when the article cannot be made to fit its size limit */
    RawArticle assemble(FeedSpec feed, ParsedFeed parsed, FeedItem item, ItemIdentity identity, Instant now) {
        return mapper.toArticle(feed, parsed, item, identity, pages.read(feed, item), now);
    }
}
