package io.newsradar.ingest.schedule;

import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState.SeenArticle;
import io.newsradar.contracts.RawArticle;
import io.newsradar.ingest.dedupe.Fingerprints;
import io.newsradar.ingest.dedupe.SeenArticles;
import io.newsradar.ingest.extract.ArticleExtractor;
import io.newsradar.ingest.extract.ExtractedArticle;
import io.newsradar.ingest.extract.ExtractionException;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchException;
import io.newsradar.ingest.fetch.FetchResult;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.ParsedFeed;
import io.newsradar.ingest.publish.ArticlePublisher;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the items of a feed document that are new, or whose words changed, oldest first; fetches and extracts
 * each one's page first when the feed asks for it. An item counts as seen only once Kafka has acknowledged it.
 */
public class ItemPublisher {

    private static final Logger log = LoggerFactory.getLogger(ItemPublisher.class);

    private final FeedFetcher fetcher;
    private final ArticleExtractor extractor;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final int remembered;

    /** @param remembered how many published articles each feed remembers */
    public ItemPublisher(FeedFetcher fetcher, ArticleExtractor extractor, ArticlePublisher publisher,
            IngestMetrics metrics, Clock clock, int remembered) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.remembered = remembered;
    }

    /**
     * What a document's items led to.
     *
     * @param recent  what the feed has published, newest first, including this poll's acknowledged articles
     * @param created articles published for the first time
     * @param updated articles published again with changed words
     * @param error   why publishing stopped early, or {@code null} when every item was handled
     */
    public record Published(List<SeenArticle> recent, int created, int updated, String error) {
    }

    public Published publishNew(FeedSpec feed, ParsedFeed parsed, List<SeenArticle> recent) {
        // A document longer than the window must not push its own oldest items out and republish them next time.
        SeenArticles seen = new SeenArticles(recent, Math.max(remembered, parsed.items().size()));
        int created = 0;
        int updated = 0;
        List<FeedItem> oldestFirst = new ArrayList<>(parsed.items());
        Collections.reverse(oldestFirst);
        for (FeedItem item : oldestFirst) {
            SeenArticle key;
            try {
                key = new SeenArticle(ArticleId.ofItem(feed.feedId(), item.link(), item.guid()),
                        Fingerprints.storyKey(item.link(), item.guid()),
                        Fingerprints.contentHash(item.title(), item.summary(), item.content()));
            } catch (IllegalArgumentException e) {
                log.atWarn().addKeyValue("feedId", feed.feedId())
                        .log("feed {}: skipped item '{}': {}", feed.feedId(), item.title(), e.getMessage());
                continue;
            }
            SeenArticles.Verdict verdict = seen.judge(key);
            if (verdict == SeenArticles.Verdict.SEEN) {
                continue;
            }
            RawArticle article;
            try {
                article = ItemMapper.toArticle(feed, parsed, item, page(feed, item), clock.instant());
            } catch (RuntimeException e) {
                log.atError().addKeyValue("feedId", feed.feedId()).setCause(e)
                        .log("feed {}: item {} could not be turned into an article; it is tried again at the next poll",
                                feed.feedId(), key.articleId());
                continue;
            }
            try {
                publisher.publish(article);
            } catch (RuntimeException e) {
                String error = "publishing article " + article.articleId() + " (" + article.url() + ") to news.articles.raw failed: "
                        + e.getMessage();
                return new Published(seen.newestFirst(), created, updated, error);
            }
            seen.remember(key);
            boolean update = verdict == SeenArticles.Verdict.CHANGED;
            metrics.published(update);
            if (update) {
                updated++;
            } else {
                created++;
            }
        }
        return new Published(seen.newestFirst(), created, updated, null);
    }

    /** The story on the item's page, or {@code null} when the feed does not ask for it or the page cannot be read. */
    private ExtractedArticle page(FeedSpec feed, FeedItem item) {
        if (!feed.fetchFullArticle() || item.link() == null) {
            return null;
        }
        Timer.Sample sample = metrics.startFetch();
        try {
            FetchResult.Fetched page = fetcher.fetchPage(URI.create(item.link()));
            metrics.fetched(sample, "page", PollResult.FETCHED, page.body().length);
            return extractor.extract(page.finalUrl(), page.body(), page.contentType());
        } catch (FetchException e) {
            metrics.fetched(sample, "page", "error", -1);
            metrics.pageFailed();
            log.atWarn().addKeyValue("feedId", feed.feedId())
                    .log("feed {}: article page not fetched, publishing the feed's text instead: {}", feed.feedId(), e.getMessage());
        } catch (ExtractionException | IllegalArgumentException e) {
            metrics.pageFailed();
            log.atWarn().addKeyValue("feedId", feed.feedId())
                    .log("feed {}: no story found on the article page, publishing the feed's text instead: {}", feed.feedId(), e.getMessage());
        } catch (RuntimeException e) {
            metrics.pageFailed();
            log.atError().addKeyValue("feedId", feed.feedId()).setCause(e)
                    .log("feed {}: reading the article page {} failed; publishing the feed's text instead", feed.feedId(), item.link());
        }
        return null;
    }
}
