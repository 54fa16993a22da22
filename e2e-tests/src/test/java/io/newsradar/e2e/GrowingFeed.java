package io.newsradar.e2e;

import io.newsradar.contracts.ArticleId;
import io.newsradar.testsupport.FeedServer;
import io.newsradar.testsupport.RssFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An RSS feed on a {@link FeedServer} that gains one item each time it {@linkplain #grow() grows}, as a publisher's
 * feed does through the day, and knows the article id of every item it has served. Items are never dropped from it,
 * so every one of them is there to be ingested, however late.
 */
final class GrowingFeed {

    private final FeedServer server;
    private final String feedId;
    private final String path;
    private final String language;
    private final String headline;
    private final RssFeed rss;
    private final List<String> articleIds = new ArrayList<>();

    /**
     * @param headline the title of item {@code n}, a format with one {@code %d}, in the feed's language
     */
    private GrowingFeed(FeedServer server, String feedId, String language, String headline) {
        this.server = server;
        this.feedId = feedId;
        this.path = "/" + feedId + ".xml";
        this.language = language;
        this.headline = headline;
        this.rss = RssFeed.channel(feedId, "https://" + feedId + ".example.org/", language);
    }

    /** A feed with its first item, served from now on. */
    static GrowingFeed serve(FeedServer server, String feedId, String language, String headline) {
        GrowingFeed feed = new GrowingFeed(server, feedId, language, headline);
        feed.grow();
        return feed;
    }

    /** Adds an item at the top of the feed, published now. */
    synchronized void grow() {
        int n = articleIds.size() + 1;
        String link = "https://" + feedId + ".example.org/articles/" + n + ".html";
        String title = headline.formatted(n);
        rss.item(title, link, title + ".", Instant.now());
        articleIds.add(ArticleId.ofItem(feedId, link, link));
        server.route(path).body("application/rss+xml; charset=utf-8", rss.toXml());
    }

    String feedId() {
        return feedId;
    }

    String url() {
        return server.url(path);
    }

    /** The ids of every item served so far. */
    synchronized List<String> articleIds() {
        return List.copyOf(articleIds);
    }

    /** How many requests the feed has had. */
    int requests() {
        return server.requests(path).size();
    }

    /** The ingest-service arguments that register this feed, with its language, as {@code newsradar.ingest.feeds[index]}. */
    List<String> ingestArguments(int index, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--newsradar.ingest.feeds[" + index + "].feed-id=" + feedId,
                "--newsradar.ingest.feeds[" + index + "].url=" + url(),
                "--newsradar.ingest.feeds[" + index + "].language-hint=" + language));
        for (String setting : settings) {
            args.add("--newsradar.ingest.feeds[" + index + "]." + setting);
        }
        return args;
    }
}
