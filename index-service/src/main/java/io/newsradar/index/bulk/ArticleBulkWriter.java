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
import co.elastic.clients.elasticsearch._types.VersionType;
import io.newsradar.contracts.ArticleDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>Documents are written with external versioning ({@code external_gte}, the version being the revision's ingest
 * time): an event of an older revision, redelivered or replayed after a newer one, is refused by Elasticsearch and
 * counted as stale, never written over the newer. Documents Elasticsearch refuses for now (429, 5xx) are written
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
    public record Rejected(ArticleDocument document, int status, String reason) {
    }

    private static final Logger log = LoggerFactory.getLogger(ArticleBulkWriter.class);

    private final BulkIngester<CompletableFuture<BulkResponseItem>> ingester;
    private final Duration acknowledgeTimeout;
    private final Settings settings;
    private final Counter indexed;
    private final Counter stale;
    private final Counter retried;
    private final DistributionSummary bulkSize;
    private final Timer bulkLatency;
    private final Map<Long, Long> startedAt = new ConcurrentHashMap<>();

    public ArticleBulkWriter(ElasticsearchClient client, Settings settings, MeterRegistry meters) {
        this.acknowledgeTimeout = settings.acknowledgeTimeout();
        this.settings = settings;
        this.indexed = Counter.builder("newsradar.index.documents").description("Documents Elasticsearch acknowledged").register(meters);
        this.stale = Counter.builder("newsradar.index.stale")
                .description("Events of an older revision than the document indexed, not written").register(meters);
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
     * Writes the documents and waits for Elasticsearch's answer for each. Documents refused for now are written again
     * with backoff; an older revision than the one indexed is skipped.
     *
     * @return the documents Elasticsearch refused for good, with why; empty when all were written
     * @throws RetryableWriteException when Elasticsearch could not be reached or timed out, or still refused some
     *                                 documents for now after {@code acknowledgeTimeout}: the whole batch should be
     *                                 written again later (writes are idempotent)
     */
    public List<Rejected> write(List<ArticleDocument> documents) {
        List<Rejected> rejected = new ArrayList<>();
        long deadline = System.nanoTime() + acknowledgeTimeout.toNanos();
        Duration backoff = settings.retryInitial();
        List<ArticleDocument> pending = documents;
        while (true) {
            List<ArticleDocument> again = new ArrayList<>();
            String example = null;
            List<CompletableFuture<BulkResponseItem>> answers = send(pending);
            for (int i = 0; i < pending.size(); i++) {
                BulkResponseItem item = await(answers.get(i));
                if (item.error() == null) {
                    indexed.increment();
                } else if (item.status() == 409 && "version_conflict_engine_exception".equals(item.error().type())) {
                    stale.increment();
                } else if (item.status() == 429 || item.status() >= 500) {
                    again.add(pending.get(i));
                    example = item.id() + ": " + item.status() + " " + item.error().reason();
                } else {
                    rejected.add(new Rejected(pending.get(i), item.status(), item.error().type() + ": " + item.error().reason()));
                }
            }
            if (again.isEmpty()) {
                return rejected;
            }
            if (System.nanoTime() + backoff.toNanos() > deadline) {
                throw new RetryableWriteException("Elasticsearch still refused " + again.size() + " of " + documents.size()
                        + " documents for now after " + acknowledgeTimeout.toSeconds() + " s, e.g. " + example, null);
            }
            retried.increment(again.size());
            log.atWarn().addKeyValue("documents", again.size()).addKeyValue("backoffMillis", backoff.toMillis())
                    .log("Elasticsearch refused documents for now, e.g. {}; writing them again", example);
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(settings.retryMax()) > 0 ? settings.retryMax() : backoff.multipliedBy(2);
            pending = again;
        }
    }

    private List<CompletableFuture<BulkResponseItem>> send(List<ArticleDocument> documents) {
        List<CompletableFuture<BulkResponseItem>> answers = new ArrayList<>(documents.size());
        for (ArticleDocument document : documents) {
            CompletableFuture<BulkResponseItem> answer = new CompletableFuture<>();
            answers.add(answer);
            ingester.add(op -> op.index(i -> i.index(ArticleDocument.ALIAS).id(document.articleId()).requireAlias(true)
                    .versionType(VersionType.ExternalGte).version(document.version()).document(document)), answer);
        }
        ingester.flush();
        return answers;
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
