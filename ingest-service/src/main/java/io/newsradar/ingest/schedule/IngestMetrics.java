package io.newsradar.ingest.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * ingest-service's meters, one place: {@code newsradar.ingest.polls{outcome}}, {@code newsradar.ingest.fetch{kind,outcome}}
 * (latency), {@code newsradar.ingest.fetch.bytes{kind}}, {@code newsradar.ingest.articles.published{revision}},
 * {@code newsradar.ingest.pages.failed}, {@code newsradar.ingest.items.refused{reason}},
 * {@code newsradar.ingest.articles.truncated}, the {@code newsradar.ingest.polls.not.modified.ratio} gauge and the
 * {@code newsradar.ingest.feeds.owned} and {@code newsradar.ingest.feeds.failing} gauges.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final AtomicLong fetchedPolls = new AtomicLong();
    private final AtomicLong notModifiedPolls = new AtomicLong();
    private final Counter newArticles;
    private final Counter updatedArticles;
    private final Counter pageFailures;
    private final Counter pagesExtracted;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.newArticles = Counter.builder("newsradar.ingest.articles.published").tag("revision", "new")
                .description("Articles published to news.articles.raw").register(registry);
        this.updatedArticles = Counter.builder("newsradar.ingest.articles.published").tag("revision", "update")
                .description("Articles published to news.articles.raw").register(registry);
        this.pageFailures = Counter.builder("newsradar.ingest.pages.failed")
                .description("Article pages that could not be fetched or read; the item was published with the feed's text")
                .register(registry);
        this.pagesExtracted = Counter.builder("newsradar.ingest.pages.extracted")
                .description("Article pages fetched whose story was extracted and published").register(registry);
        Gauge.builder("newsradar.ingest.polls.not.modified.ratio", this, IngestMetrics::notModifiedRatio)
                .description("Share of successful polls answered 304 Not Modified since start").register(registry);
    }

    /** Registers the gauges over what the scheduler owns. */
    public <T> void feedGauges(T scheduler, ToDoubleFunction<T> owned, ToDoubleFunction<T> failing) {
        Gauge.builder("newsradar.ingest.feeds.owned", scheduler, owned)
                .description("Feeds this instance polls (the feeds of the news.feeds partitions it owns)").register(registry);
        Gauge.builder("newsradar.ingest.feeds.failing", scheduler, failing)
                .description("Owned feeds whose failures have reached the backoff ceiling").register(registry);
    }

    void poll(String outcome) {
        registry.counter("newsradar.ingest.polls", "outcome", outcome).increment();
        if (outcome.equals(PollResult.FETCHED)) {
            fetchedPolls.incrementAndGet();
        } else if (outcome.equals(PollResult.NOT_MODIFIED)) {
            notModifiedPolls.incrementAndGet();
        }
    }

    Timer.Sample startFetch() {
        return Timer.start(registry);
    }

    void fetched(Timer.Sample sample, String kind, String outcome, long bytes) {
        sample.stop(Timer.builder("newsradar.ingest.fetch").tag("kind", kind).tag("outcome", outcome)
                .description("Time to fetch a feed or an article page").register(registry));
        if (bytes >= 0) {
            DistributionSummary.builder("newsradar.ingest.fetch.bytes").tag("kind", kind).baseUnit("bytes")
                    .description("Size of the documents fetched, after decompression").register(registry).record(bytes);
        }
    }

    void published(boolean update) {
        (update ? updatedArticles : newArticles).increment();
    }

    void itemRefused(String reason) {
        Counter.builder("newsradar.ingest.items.refused").tag("reason", reason)
                .description("Feed items left out of news.articles.raw, by why; the rest of their feed was published")
                .register(registry).increment();
    }

    void truncated() {
        Counter.builder("newsradar.ingest.articles.truncated")
                .description("Articles published with a text field cut to its limit").register(registry).increment();
    }

    void pageFailed() {
        pageFailures.increment();
    }

    void pageExtracted() {
        pagesExtracted.increment();
    }

    private double notModifiedRatio() {
        long notModified = notModifiedPolls.get();
        long all = notModified + fetchedPolls.get();
        return all == 0 ? 0 : (double) notModified / all;
    }
}
