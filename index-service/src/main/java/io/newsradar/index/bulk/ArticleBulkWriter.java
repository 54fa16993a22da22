package io.newsradar.index.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.ArticleDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Elasticsearch write goes through this writer's one {@link BulkIngester}. {@link #write} hands a batch to the
 * ingester, flushes, and returns only when Elasticsearch has answered for every document, so the caller can commit
 * its Kafka offsets knowing the documents are durable.
 *
 * <p>Each batch first reads what is stored of its articles (one multi-get), then writes what {@link Ownership}
 * allows, conditioned on the sequence number it read: new articles are created, the owner's (or the article's own
 * site's) revisions replace the words unless older than them, other feeds are added to {@code alsoIn}. An older
 * revision, redelivered or replayed after a newer one, is counted as stale and not written (docs/adr/0017, which
 * replaces the external versions of docs/adr/0007). Documents Elasticsearch refuses for now (429, 5xx) are written
 * again, alone, with exponential backoff.
 */
public class ArticleBulkWriter implements AutoCloseable {

    /**
     * How the ingester is sized, and how long documents refused for now are tried again: from {@code retryInitial},
     * doubling up to {@code retryMax}, for at most {@code acknowledgeTimeout} before the batch is given back.
     */
    public record Settings(int maxOperations, long maxBytes, int concurrency, Duration flushInterval, Duration acknowledgeTimeout,
                           Duration retryInitial, Duration retryMax) {
    }

    /** A document Elasticsearch refused for good (a mapping error, a malformed document): retrying cannot help. */
    public record Rejected(Revision revision, int status, String reason) {
    }

    private static final int MAX_CONFLICT_ROUNDS = 20;
    private static final Logger log = LoggerFactory.getLogger(ArticleBulkWriter.class);

    private final BulkIngester<CompletableFuture<BulkResponseItem>> ingester;
    private final Duration acknowledgeTimeout;
    private final Settings settings;
    private final Counter indexed;
    private final Counter unchanged;
    private final StoredArticles storedArticles;
    private final Counter retried;
    private final DistributionSummary bulkSize;
    private final Timer bulkLatency;
    private final Map<Long, Long> startedAt = new ConcurrentHashMap<>();

    public ArticleBulkWriter(ElasticsearchClient client, Settings settings, MeterRegistry meters) {
        this.acknowledgeTimeout = settings.acknowledgeTimeout();
        this.settings = settings;
        this.indexed = Counter.builder("newsradar.index.documents").description("Documents Elasticsearch acknowledged").register(meters);
        this.unchanged = Counter.builder("newsradar.index.stale")
                .description("Revisions that changed nothing: older than the words indexed, or from a feed already recorded")
                .register(meters);
        this.storedArticles = new StoredArticles(client);
        this.retried = Counter.builder("newsradar.index.retries")
                .description("Documents written again after Elasticsearch refused them for now (429, 5xx)").register(meters);
        this.bulkSize = DistributionSummary.builder("newsradar.index.bulk.size").description("Documents per bulk request").register(meters);
        this.bulkLatency = Timer.builder("newsradar.index.bulk").description("Bulk request latency").register(meters);
        this.ingester = BulkIngester.of(b -> b
                .client(client)
                .maxOperations(settings.maxOperations())
                .maxSize(settings.maxBytes())
                .maxConcurrentRequests(settings.concurrency())
                .flushInterval(settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                .listener(new Listener()));
    }

    /**
     * Writes the revisions as ownership allows ({@link Ownership}) and waits for Elasticsearch's answer for each.
     * Revisions of one article are written in their order, one per round; a write that another one overtook (a
     * conflict on the sequence number read) is decided again on what is stored now; documents refused for now are
     * written again with backoff.
     *
     * @return the documents Elasticsearch refused for good, with why; empty when all were written
     * @throws RetryableWriteException when Elasticsearch could not be reached or timed out, or still refused some
     *                                 documents for now after {@code acknowledgeTimeout}: the whole batch should be
     *                                 written again later (writes are idempotent)
     */
    public List<Rejected> write(List<Revision> revisions) {
        List<Rejected> rejected = new ArrayList<>();
        long deadline = System.nanoTime() + acknowledgeTimeout.toNanos();
        Duration backoff = settings.retryInitial();
        List<Revision> pending = revisions;
        int conflictRounds = 0;
        while (!pending.isEmpty()) {
            List<Revision> round = new ArrayList<>();
            List<Revision> later = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (Revision revision : pending) {
                (ids.add(revision.document().articleId()) ? round : later).add(revision);
            }
            Map<String, Ownership.Stored> stored = storedArticles.read(List.copyOf(ids));
            List<Revision> sent = new ArrayList<>();
            List<CompletableFuture<BulkResponseItem>> answers = new ArrayList<>();
            for (Revision revision : round) {
                Ownership.Write write = Ownership.decide(revision, stored.get(revision.document().articleId()));
                if (write instanceof Ownership.Unchanged) {
                    unchanged.increment();
                } else {
                    sent.add(revision);
                    answers.add(add(write));
                }
            }
            ingester.flush();
            List<Revision> again = new ArrayList<>();
            String busy = null;
            boolean conflicts = false;
            for (int i = 0; i < sent.size(); i++) {
                BulkResponseItem item = await(answers.get(i));
                if (item.error() == null) {
                    indexed.increment();
                } else if (item.status() == 409) {
                    again.add(sent.get(i));
                    conflicts = true;
                } else if (item.status() == 429 || item.status() >= 500) {
                    again.add(sent.get(i));
                    busy = item.id() + ": " + item.status() + " " + item.error().reason();
                } else {
                    rejected.add(new Rejected(sent.get(i), item.status(), item.error().type() + ": " + item.error().reason()));
                }
            }
            if (busy != null) {
                if (System.nanoTime() + backoff.toNanos() > deadline) {
                    throw new RetryableWriteException("Elasticsearch still refused " + again.size() + " of " + revisions.size()
                            + " documents for now after " + acknowledgeTimeout.toSeconds() + " s, e.g. " + busy, null);
                }
                retried.increment(again.size());
                log.atWarn().addKeyValue("documents", again.size()).addKeyValue("backoffMillis", backoff.toMillis())
                        .log("Elasticsearch refused documents for now, e.g. {}; writing them again", busy);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.retryMax()) > 0 ? settings.retryMax() : backoff.multipliedBy(2);
            } else if (conflicts && later.isEmpty() && ++conflictRounds > MAX_CONFLICT_ROUNDS) {
                throw new RetryableWriteException("articles of this batch were changed by another writer " + MAX_CONFLICT_ROUNDS
                        + " times while being written, e.g. " + again.get(0).document().articleId(), null);
            }
            again.addAll(later);
            pending = again;
        }
        return rejected;
    }

    private CompletableFuture<BulkResponseItem> add(Ownership.Write write) {
        CompletableFuture<BulkResponseItem> answer = new CompletableFuture<>();
        if (write instanceof Ownership.Create create) {
            ingester.add(op -> op.create(c -> c.index(ArticleDocument.ALIAS).id(create.document().articleId())
                    .requireAlias(true).document(create.document())), answer);
        } else if (write instanceof Ownership.Replace replace) {
            ingester.add(op -> op.index(i -> i.index(ArticleDocument.ALIAS).id(replace.document().articleId())
                    .requireAlias(true).ifSeqNo(replace.read().seqNo()).ifPrimaryTerm(replace.read().primaryTerm())
                    .document(replace.document())), answer);
        } else if (write instanceof Ownership.AddSource add) {
            ingester.add(op -> op.update(u -> u.index(ArticleDocument.ALIAS).id(add.articleId()).requireAlias(true)
                    .ifSeqNo(add.read().seqNo()).ifPrimaryTerm(add.read().primaryTerm())
                    .action(a -> a.doc(Map.of("alsoIn", add.alsoIn())))), answer);
        } else {
            throw new IllegalArgumentException("nothing to write for " + write);
        }
        return answer;
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableWriteException("interrupted while waiting to write documents again", e);
        }
    }

    private BulkResponseItem await(CompletableFuture<BulkResponseItem> answer) {
        try {
            return answer.get(acknowledgeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RetryableWriteException("Elasticsearch bulk request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RetryableWriteException("Elasticsearch did not answer within " + acknowledgeTimeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableWriteException("interrupted while waiting for Elasticsearch", e);
        }
    }

    @Override
    public void close() {
        ingester.close();
    }

    private final class Listener implements BulkListener<CompletableFuture<BulkResponseItem>> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<CompletableFuture<BulkResponseItem>> contexts) {
            startedAt.put(executionId, System.nanoTime());
            bulkSize.record(contexts.size());
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<BulkResponseItem>> contexts,
                BulkResponse response) {
            record(executionId);
            for (int i = 0; i < contexts.size(); i++) {
                contexts.get(i).complete(response.items().get(i));
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<BulkResponseItem>> contexts,
                Throwable failure) {
            record(executionId);
            contexts.forEach(c -> c.completeExceptionally(failure));
        }

        private void record(long executionId) {
            Long started = startedAt.remove(executionId);
            if (started != null) {
                bulkLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }
}
