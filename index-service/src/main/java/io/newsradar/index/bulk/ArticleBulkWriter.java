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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every Elasticsearch write goes through this writer's one {@link BulkIngester}. {@link #write} hands a batch to the
 * ingester, flushes, and returns only when Elasticsearch has answered for every document, so the caller can commit
 * its Kafka offsets knowing the documents are durable.
 */
public class ArticleBulkWriter implements AutoCloseable {

    /** How the ingester is sized. */
    public record Settings(int maxOperations, long maxBytes, int concurrency, Duration flushInterval, Duration acknowledgeTimeout) {
    }

    /** A document Elasticsearch refused for good (a mapping error, a malformed document): retrying cannot help. */
    public record Rejected(ArticleDocument document, int status, String reason) {
    }

    private final BulkIngester<CompletableFuture<BulkResponseItem>> ingester;
    private final Duration acknowledgeTimeout;
    private final Counter indexed;
    private final DistributionSummary bulkSize;
    private final Timer bulkLatency;
    private final Map<Long, Long> startedAt = new ConcurrentHashMap<>();

    public ArticleBulkWriter(ElasticsearchClient client, Settings settings, MeterRegistry meters) {
        this.acknowledgeTimeout = settings.acknowledgeTimeout();
        this.indexed = Counter.builder("newsradar.index.documents").description("Documents Elasticsearch acknowledged").register(meters);
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
     * Writes the documents and waits for Elasticsearch's answer for each.
     *
     * @return the documents Elasticsearch refused for good, with why; empty when all were written
     * @throws RetryableWriteException when Elasticsearch could not be reached, timed out, or refused some documents for
     *                                 now (429, 5xx): the whole batch should be written again later (writes are idempotent)
     */
    public List<Rejected> write(List<ArticleDocument> documents) {
        List<CompletableFuture<BulkResponseItem>> answers = new ArrayList<>(documents.size());
        for (ArticleDocument document : documents) {
            CompletableFuture<BulkResponseItem> answer = new CompletableFuture<>();
            answers.add(answer);
            ingester.add(op -> op.index(i -> i.index(ArticleDocument.ALIAS).id(document.articleId()).requireAlias(true)
                    .document(document)), answer);
        }
        ingester.flush();
        List<Rejected> rejected = new ArrayList<>();
        List<String> transientErrors = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            BulkResponseItem item = await(answers.get(i));
            if (item.error() == null) {
                indexed.increment();
            } else if (item.status() == 429 || item.status() >= 500) {
                transientErrors.add(item.id() + ": " + item.status() + " " + item.error().reason());
            } else {
                rejected.add(new Rejected(documents.get(i), item.status(), item.error().type() + ": " + item.error().reason()));
            }
        }
        if (!transientErrors.isEmpty()) {
            throw new RetryableWriteException("Elasticsearch refused " + transientErrors.size() + " of " + documents.size()
                    + " documents for now, e.g. " + transientErrors.get(0), null);
        }
        return rejected;
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
