package io.newsradar.ingest.schedule;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState.SeenArticle;
import io.newsradar.contracts.Redaction;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.XmlText;
import io.newsradar.ingest.dedupe.ItemIdentity;
import io.newsradar.ingest.dedupe.SeenArticles;
import io.newsradar.ingest.extract.PageReader;
import io.newsradar.ingest.fetch.FeedFetcher;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.ParsedFeed;
import io.newsradar.ingest.publish.ArticlePublisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the items of a feed document that are new, or whose words changed, oldest first. Each item's identity is
 * worked out once, before dedupe judges it, and an item to publish is built once by the {@link ArticleAssembler}
 * (its page fetched and extracted when the feed asks for it). An item counts as seen only once Kafka has
 * acknowledged it. One item that cannot be published (its identity too long, its event too large even cut, refused
 * by Kafka for itself, or failing in any other way) is counted in {@code newsradar.ingest.items.refused{reason}},
 * logged in one line, and the rest of the feed goes on; only an outage of Kafka stops the poll.
 */
public class ItemPublisher {

    private static final Logger log = LoggerFactory.getLogger(ItemPublisher.class);

    private final ArticleAssembler assembler;
    private final ArticlePublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final int remembered;

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
        this(fetcher, extractor, publisher, metrics, clock, remembered, limits, FetchDecision.FEED_FLAG_ONLY);
    }

    /** @param decision which items' pages are fetched for their story */
    public ItemPublisher(FeedFetcher fetcher, PageReader extractor, ArticlePublisher publisher,
            IngestMetrics metrics, Clock clock, int remembered, FieldLimits limits, FetchDecision decision) {
        this(new ArticleAssembler(new ArticlePages(fetcher, extractor, metrics, decision), limits), publisher, metrics,
                clock, remembered);
    }

    ItemPublisher(ArticleAssembler assembler, ArticlePublisher publisher, IngestMetrics metrics, Clock clock,
            int remembered) {
        this.assembler = assembler;
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
        Tally tally = new Tally();
        List<FeedItem> oldestFirst = new ArrayList<>(parsed.items());
        Collections.reverse(oldestFirst);
        for (FeedItem item : oldestFirst) {
            String error = publishOne(feed, parsed, item, seen, tally);
            if (error != null) {
                return new Published(seen.newestFirst(), tally.created, tally.updated, error, tally.refused, tally.truncated);
            }
        }
        return new Published(seen.newestFirst(), tally.created, tally.updated, null, tally.refused, tally.truncated);
    }

    /** What this document's items came to so far. */
    private static final class Tally {
        int created;
        int updated;
        int refused;
        int truncated;
    }

    /** Publishes one item if it is new or changed; returns why publishing must stop, or {@code null} to go on. */
    private String publishOne(FeedSpec feed, ParsedFeed parsed, FeedItem item, SeenArticles seen, Tally tally) {
        ItemIdentity identity;
        try {
            identity = assembler.identify(feed, item);
        } catch (ItemRefused e) {
            refused(feed, item, e.reason, e.getMessage(), tally);
            return null;
        } catch (IllegalArgumentException e) {
            log.atWarn().addKeyValue("feedId", feed.feedId())
                    .log("feed {}: skipped item '{}': {}", feed.feedId(), shown(item.title()), Redaction.mask(e.getMessage()));
            return null;
        }
        SeenArticles.Verdict verdict = seen.judge(identity.seen());
        if (verdict == SeenArticles.Verdict.SEEN) {
            return null;
        }
        RawArticle article;
        try {
            article = assembler.assemble(feed, parsed, item, identity, clock.instant());
        } catch (ItemRefused e) {
            refused(feed, item, e.reason, e.getMessage(), tally);
            seen.remember(identity.seen());
            return null;
        } catch (Throwable e) {
            PublishFailures.rethrowIfFatal(e);
            metrics.itemRefused("unreadable");
            log.atError().addKeyValue("feedId", feed.feedId())
                    .log("feed {}: item {} could not be turned into an article ({}); it is tried again at the next poll",
                            feed.feedId(), identity.articleId(), Redaction.mask(String.valueOf(e)));
            return null;
        }
        try {
            publisher.publish(article);
        } catch (RuntimeException | Error e) {
            PublishFailures.rethrowIfFatal(e);
            if (!PublishFailures.refusedForItself(e)) {
                return "publishing article " + article.articleId() + " (" + Redaction.mask(article.url())
                        + ") to news.articles.raw failed: " + Redaction.mask(e.getMessage());
            }
            refused(feed, item, "kafka_refused", "news.articles.raw refused it: "
                    + Redaction.mask(String.valueOf(PublishFailures.rootCause(e))), tally);
            seen.remember(identity.seen());
            return null;
        }
        seen.remember(identity.seen());
        boolean update = verdict == SeenArticles.Verdict.CHANGED;
        metrics.published(update);
        if (!article.truncated().isEmpty()) {
            metrics.truncated();
            tally.truncated++;
        }
        if (update) {
            tally.updated++;
        } else {
            tally.created++;
        }
        return null;
    }

    /** Counts and logs, in one line, an item left out; the rest of the feed goes on. */
    private void refused(FeedSpec feed, FeedItem item, String reason, String why, Tally tally) {
        tally.refused++;
        metrics.itemRefused(reason);
        log.atWarn().addKeyValue("feedId", feed.feedId()).addKeyValue("reason", reason)
                .log("feed {}: item '{}' ({}) not published: {}", feed.feedId(), shown(item.title()),
                        shown(Redaction.mask(item.link() != null ? item.link() : item.guid())), why);
    }

    /** Text from a feed as a log line shows it: allowed characters only, and short. */
    private static String shown(String text) {
        String clean = XmlText.strip(text == null ? "" : text).replaceAll("\\s+", " ");
        return clean.length() <= 120 ? clean : TextCut.cut(clean, 120) + "…";
    }
}
