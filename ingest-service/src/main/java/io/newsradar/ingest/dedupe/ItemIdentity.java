package io.newsradar.ingest.dedupe;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedState.SeenArticle;
import io.newsradar.ingest.parse.FeedItem;
import java.util.function.UnaryOperator;

/**
 * Who a feed item is, worked out once per item and handed along: its article id, its canonical URL, and what dedupe
 * judges it by. The item's link (and, without one, its GUID) is canonicalised here and nowhere else on its way.
 *
 * @param articleId see {@link ArticleId}
 * @param url       the canonical form of the item's link, {@code null} when it has no usable one
 * @param seen      its id, story key and content hash, as {@link SeenArticles} remembers items
 */
public record ItemIdentity(String articleId, String url, SeenArticle seen) {

    /**
     * @param canonicalizer the canonical form of a URL, or {@code null} when the text is not an http(s) URL
     * @throws IllegalArgumentException when the item has neither a usable link nor a GUID
     */
    public static ItemIdentity of(String feedId, FeedItem item, UnaryOperator<String> canonicalizer) {
        String url = item.link() == null ? null : canonicalizer.apply(item.link());
        String canonical = url != null || item.guid() == null ? url : canonicalizer.apply(item.guid());
        String articleId = ArticleId.ofCanonical(feedId, canonical, item.guid());
        return new ItemIdentity(articleId, url, new SeenArticle(articleId, Fingerprints.storyKey(canonical),
                Fingerprints.contentHash(item.title(), item.summary(), item.content())));
    }
}
