package io.newsradar.ingest.schedule;

import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.Redaction;
import io.newsradar.ingest.extract.ExtractedArticle;
import io.newsradar.ingest.extract.ExtractionException;
import io.newsradar.ingest.extract.PageReader;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.fetch.FetchException;
import io.newsradar.ingest.fetch.FetchResult;
import io.newsradar.ingest.parse.FeedItem;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The story on an item's page, when the {@link FetchDecision} says so: the page fetched once and extracted once. A page that
 * cannot be fetched or holds no story is counted and logged, and the item is published with the feed's text.
 */
final class ArticlePages {

    private static final Logger log = LoggerFactory.getLogger(ArticlePages.class);

    private final FeedFetcher fetcher;
    private final PageReader extractor;
    private final IngestMetrics metrics;
    private final FetchDecision decision;

    ArticlePages(FeedFetcher fetcher, PageReader extractor, IngestMetrics metrics) {
        this(fetcher, extractor, metrics, FetchDecision.FEED_FLAG_ONLY);
    }

    ArticlePages(FeedFetcher fetcher, PageReader extractor, IngestMetrics metrics, FetchDecision decision) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.metrics = metrics;
        this.decision = decision;
    }

    /** The story on the item's page, or {@code null} when it is not to be fetched or the page cannot be read. */
    ExtractedArticle read(FeedSpec feed, FeedItem item) {
        if (!decision.fetch(feed, item)) {
            return null;
        }
        Timer.Sample sample = metrics.startFetch();
        try {
            FetchResult.Fetched page = fetcher.fetchPage(URI.create(item.link()));
            metrics.fetched(sample, "page", PollResult.FETCHED, page.body().length);
            ExtractedArticle article = extractor.extract(page.finalUrl(), page.body(), page.contentType());
            metrics.pageExtracted();
            return article;
        } catch (FetchException e) {
            metrics.fetched(sample, "page", "error", -1);
            metrics.pageFailed();
            log.atWarn().addKeyValue("feedId", feed.feedId())
                    .log("feed {}: article page not fetched, publishing the feed's text instead: {}", feed.feedId(),
                            Redaction.mask(e.getMessage()));
        } catch (ExtractionException | IllegalArgumentException e) {
            metrics.pageFailed();
            log.atWarn().addKeyValue("feedId", feed.feedId())
                    .log("feed {}: no story found on the article page, publishing the feed's text instead: {}", feed.feedId(),
                            Redaction.mask(e.getMessage()));
        } catch (RuntimeException e) {
            metrics.pageFailed();
            log.atError().addKeyValue("feedId", feed.feedId()).setCause(e)
                    .log("feed {}: reading the article page {} failed; publishing the feed's text instead", feed.feedId(),
                            Redaction.mask(item.link()));
        }
        return null;
    }
}
