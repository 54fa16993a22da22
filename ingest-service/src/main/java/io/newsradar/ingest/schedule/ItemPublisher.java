package io.newsradar.ingest.schedule;

import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState.SeenArticle;
import io.newsradar.contracts.Redaction;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.XmlText;
import io.newsradar.ingest.dedupe.Fingerprints;
import io.newsradar.ingest.dedupe.SeenArticles;
import io.newsradar.ingest.extract.ExtractedArticle;
import io.newsradar.ingest.extract.ExtractionException;
import io.newsradar.ingest.extract.PageReader;
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
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Publishes the items of a feed document that are new, or whose words changed, oldest first; fetches and extracts
 * each one's page first when the feed asks for it. An item counts as seen only once Kafka has acknowledged it.
 * One item that cannot be published (its identity too long, its event too large even cut, refused by Kafka for
 * itself, or failing in any other way) is counted in {@code newsradar.ingest.items.refused{reason}}, logged in one
 * line, and the rest of the feed goes on; only an outage of Kafka stops the poll.
 */
public class ItemPublisher {

    private static final Logger log = LoggerFactory.getLogger(ItemPublisher.class);

    private final FeedFetcher fetcher;
    private final PageReader extractor;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final int remembered;
    private final ItemMapper mapper;

    /** With the {@link FieldLimits#DEFAULTS}. */
    public ItemPublisher(FeedFetcher fetcher, PageReader extractor, ArticlePublisher publisher,
            IngestMetrics metrics, Clock clock, int remembered) {
        this(fetcher, extractor, publisher, metrics, clock, remembered, FieldLimits.DEFAULTS);
    }

    /**
     * @param remembered how many published articles each feed remembers
     * @param limits     the most of each field, and of the whole event, ingest publishes
     */
    public ItemPublisher(FeedFetcher fetcher, PageReader extractor, ArticlePublisher publisher,
            IngestMetrics metrics, Clock clock, int remembered, FieldLimits limits) {
        this.mapper = new ItemMapper(limits);
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
     * @param error     why publishing stopped early, or {@code null} when every item was handled
     * @param refused   items left out: too large even cut, an identity too long, refused by Kafka for themselves
     * @param truncated articles published with a field cut to its limit
     */
    public record Published(List<SeenArticle> recent, int created, int updated, String error, int refused, int truncated) {
    }

    public Published publishNew(FeedSpec feed, ParsedFeed parsed, List<SeenArticle> recent) {
        // A document longer than the window must not push its own oldest items out and republish them next time.
        SeenArticles seen = new SeenArticles(recent, Math.max(remembered, parsed.items().size()));
        int created = 0;
        int updated = 0;
        int refused = 0;
        int truncated = 0;
        List<FeedItem> oldestFirst = new ArrayList<>(parsed.items());
        Collections.reverse(oldestFirst);
        for (FeedItem item : oldestFirst) {
            SeenArticle key;
            try {
                mapper.checkIdentity(item);
                key = new SeenArticle(ArticleId.ofItem(feed.feedId(), item.link(), item.guid()),
                        Fingerprints.storyKey(item.link(), item.guid()),
                        Fingerprints.contentHash(item.title(), item.summary(), item.content()));
            } catch (ItemRefused e) {
                refused(feed, item, e.reason, e.getMessage());
                refused++;
                continue;
            } catch (IllegalArgumentException e) {
                log.atWarn().addKeyValue("feedId", feed.feedId())
                        .log("feed {}: skipped item '{}': {}", feed.feedId(), shown(item.title()), Redaction.mask(e.getMessage()));
                continue;
            }
            SeenArticles.Verdict verdict = seen.judge(key);
            if (verdict == SeenArticles.Verdict.SEEN) {
                continue;
            }
            RawArticle article;
            try {
                article = mapper.toArticle(feed, parsed, item, page(feed, item), clock.instant());
            } catch (ItemRefused e) {
                refused(feed, item, e.reason, e.getMessage());
                refused++;
                seen.remember(key);
                continue;
            } catch (Throwable e) {
                rethrowIfFatal(e);
                metrics.itemRefused("unreadable");
                log.atError().addKeyValue("feedId", feed.feedId())
                        .log("feed {}: item {} could not be turned into an article ({}); it is tried again at the next poll",
                                feed.feedId(), key.articleId(), Redaction.mask(String.valueOf(e)));
                continue;
            }
            try {
                publisher.publish(article);
            } catch (RuntimeException | Error e) {
                rethrowIfFatal(e);
                if (!refusedForItself(e)) {
                    String error = "publishing article " + article.articleId() + " (" + Redaction.mask(article.url())
                            + ") to news.articles.raw failed: " + Redaction.mask(e.getMessage());
                    return new Published(seen.newestFirst(), created, updated, error, refused, truncated);
                }
                refused(feed, item, "kafka_refused", "news.articles.raw refused it: " + Redaction.mask(String.valueOf(rootCause(e))));
                refused++;
                seen.remember(key);
                continue;
            }
            seen.remember(key);
            boolean update = verdict == SeenArticles.Verdict.CHANGED;
            metrics.published(update);
            if (!article.truncated().isEmpty()) {
                metrics.truncated();
                truncated++;
            }
            if (update) {
                updated++;
            } else {
                created++;
            }
        }
        return new Published(seen.newestFirst(), created, updated, null, refused, truncated);
    }

    /** Counts and logs, in one line, an item left out; the rest of the feed goes on. */
    private void refused(FeedSpec feed, FeedItem item, String reason, String why) {
        metrics.itemRefused(reason);
        log.atWarn().addKeyValue("feedId", feed.feedId()).addKeyValue("reason", reason)
                .log("feed {}: item '{}' ({}) not published: {}", feed.feedId(), shown(item.title()),
                        shown(Redaction.mask(item.link() != null ? item.link() : item.guid())), why);
    }

    /**
     * Whether Kafka, or the serializer before it, refused this one record (too large, invalid, not serializable), as
     * opposed to being unreachable: a refused item is left out and the feed goes on; an outage stops the poll, which
     * is retried with the document fetched again.
     */
    static boolean refusedForItself(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof InterruptException) {
                return false;
            }
            if (t instanceof ApiException || t instanceof JacksonException || t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Errors after which nothing in this JVM can be trusted to go on; the scheduler records them as the poll's failure. */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    /** Text from a feed as a log line shows it: allowed characters only, and short. */
    private static String shown(String text) {
        String clean = XmlText.strip(text == null ? "" : text).replaceAll("\\s+", " ");
        return clean.length() <= 120 ? clean : TextCut.cut(clean, 120) + "…";
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
