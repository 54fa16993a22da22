package io.newsradar.index.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.StoryMerge;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * A partial write of an article's story fields: an assignment, which creates a document holding only the story
     * when the article is not indexed yet ({@code doc_as_upsert}), or a merge moving the article to another story,
     * written only where the document exists.
     */
    public record StoryWrite(String articleId, Map<String, Object> fields, boolean upsert) {

        public StoryWrite {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The article's story, as assigned (or followed through merges). */
        public static StoryWrite assign(String articleId, StoryFields story) {
            return new StoryWrite(articleId, story.asPartialDocument(), true);
        }

        /** The document {@code id} now in story {@code into}. */
        public static StoryWrite move(String id, String into) {
            return new StoryWrite(id, Map.of("story", into), false);
        }
    }

    /** A story write Elasticsearch refused for good. */
    public record RejectedStory(StoryWrite write, int status, String reason) {
    }

    /** The id of the document that records where a merged-away story went: it holds only {@code story}. */
    public static String mergeMarkerId(String from) {
        return StoryMerge.key(from);
    }

    private static final int MAX_CONFLICT_ROUNDS = 20;
    private static final int MAX_MERGE_HOPS = 16;
    private static final int SCROLL_PAGE = 1000;
    private static final Logger log = LoggerFactory.getLogger(ArticleBulkWriter.class);

    private final ElasticsearchClient client;
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
        this.client = client;
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

    /**
     * Writes story fields as partial updates and waits for Elasticsearch's answer for each; documents refused for now
     * (429, 5xx, or a conflict left after Elasticsearch's own retries) are written again with backoff. A merge's move
     * of a document deleted meanwhile is done. Write at most one assignment per article per call.
     *
     * @return the writes Elasticsearch refused for good, with why
     * @throws RetryableWriteException as {@link #write}
     */
    public List<RejectedStory> writeStories(List<StoryWrite> writes) {
        List<RejectedStory> rejected = new ArrayList<>();
        long deadline = System.nanoTime() + acknowledgeTimeout.toNanos();
        Duration backoff = settings.retryInitial();
        List<StoryWrite> pending = writes;
        while (!pending.isEmpty()) {
            List<CompletableFuture<BulkResponseItem>> answers = new ArrayList<>(pending.size());
            for (StoryWrite write : pending) {
                CompletableFuture<BulkResponseItem> answer = new CompletableFuture<>();
                ingester.add(op -> op.update(u -> u.index(ArticleDocument.ALIAS).id(write.articleId()).requireAlias(true)
                        .retryOnConflict(3).action(a -> a.doc(write.fields()).docAsUpsert(write.upsert()))), answer);
                answers.add(answer);
            }
            ingester.flush();
            List<StoryWrite> again = new ArrayList<>();
            String busy = null;
            for (int i = 0; i < pending.size(); i++) {
                BulkResponseItem item = await(answers.get(i));
                StoryWrite write = pending.get(i);
                if (item.error() == null) {
                    indexed.increment();
                } else if (item.status() == 404 && !write.upsert()) {
                    log.atDebug().log("article {} was deleted before its story moved", write.articleId());
                } else if (item.status() == 409 || item.status() == 429 || item.status() >= 500) {
                    again.add(write);
                    busy = item.id() + ": " + item.status() + " " + item.error().reason();
                } else {
                    rejected.add(new RejectedStory(write, item.status(), item.error().type() + ": " + item.error().reason()));
                }
            }
            if (busy != null) {
                if (System.nanoTime() + backoff.toNanos() > deadline) {
                    throw new RetryableWriteException("Elasticsearch still refused " + again.size() + " of " + writes.size()
                            + " story writes for now after " + acknowledgeTimeout.toSeconds() + " s, e.g. " + busy, null);
                }
                retried.increment(again.size());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.retryMax()) > 0 ? settings.retryMax() : backoff.multipliedBy(2);
            }
            pending = again;
        }
        return rejected;
    }

    /**
     * Moves every document of story {@code from} to {@code into}, and records the merge in a marker document
     * ({@link #mergeMarkerId}), so that an assignment to {@code from} read later lands in {@code into}. Earlier
     * markers that pointed to {@code from} move too, so a chain of merges is followed in one step.
     *
     * @return how many documents moved (the marker not counted)
     * @throws RetryableWriteException when Elasticsearch cannot answer now (a merge written again moves nothing twice)
     */
    public int moveStory(String from, String into) {
        List<RejectedStory> refused = writeStories(List.of(new StoryWrite(mergeMarkerId(from), Map.of("story", into), true)));
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Elasticsearch refused the merge marker of story " + from + ": " + refused.get(0).reason());
        }
        List<StoryWrite> moves = new ArrayList<>();
        try {
            client.indices().refresh(r -> r.index(ArticleDocument.ALIAS));
            var page = client.search(s -> s.index(ArticleDocument.ALIAS).size(SCROLL_PAGE).scroll(t -> t.time("1m"))
                    .source(src -> src.fetch(false)).query(q -> q.term(t -> t.field("story").value(from))), Void.class);
            String scrollId = page.scrollId();
            try {
                var hits = page.hits().hits();
                while (!hits.isEmpty()) {
                    hits.forEach(hit -> moves.add(StoryWrite.move(hit.id(), into)));
                    String current = scrollId;
                    var next = client.scroll(s -> s.scrollId(current).scroll(t -> t.time("1m")), Void.class);
                    scrollId = next.scrollId();
                    hits = next.hits().hits();
                }
            } finally {
                String last = scrollId;
                if (last != null) {
                    client.clearScroll(c -> c.scrollId(last));
                }
            }
        } catch (IOException | ElasticsearchException e) {
            throw new RetryableWriteException("Elasticsearch could not list the articles of story " + from + ": " + e.getMessage(), e);
        }
        List<RejectedStory> rejected = moves.isEmpty() ? List.of() : writeStories(moves);
        if (!rejected.isEmpty()) {
            throw new IllegalStateException("Elasticsearch refused to move " + rejected.size() + " articles of story " + from
                    + " to " + into + ", e.g. " + rejected.get(0).write().articleId() + ": " + rejected.get(0).reason());
        }
        return moves.size();
    }

    /**
     * The story each of {@code storyIds} is in today: itself, or the story it was merged into, followed through the
     * merge markers.
     *
     * @throws RetryableWriteException when Elasticsearch cannot answer now
     */
    public Map<String, String> currentStories(Set<String> storyIds) {
        Map<String, String> current = new HashMap<>();
        storyIds.forEach(id -> current.put(id, id));
        Set<String> open = new LinkedHashSet<>(storyIds);
        for (int hop = 0; hop < MAX_MERGE_HOPS && !open.isEmpty(); hop++) {
            List<String> markers = open.stream().map(ArticleBulkWriter::mergeMarkerId).toList();
            Map<String, String> into = new HashMap<>();
            try {
                var response = client.mget(m -> m.index(ArticleDocument.ALIAS).ids(markers).sourceIncludes("story"), Marker.class);
                for (var item : response.docs()) {
                    if (item.isFailure()) {
                        throw new RetryableWriteException("Elasticsearch could not read merge marker " + item.failure().id() + ": "
                                + item.failure().error().reason(), null);
                    }
                    if (item.result().found() && item.result().source() != null && item.result().source().story() != null) {
                        into.put(item.result().id().substring(StoryMerge.KEY_PREFIX.length()), item.result().source().story());
                    }
                }
            } catch (IOException | ElasticsearchException e) {
                throw new RetryableWriteException("Elasticsearch could not read the merge markers: " + e.getMessage(), e);
            }
            Set<String> next = new LinkedHashSet<>();
            for (Map.Entry<String, String> e : current.entrySet()) {
                String target = into.get(e.getValue());
                if (target != null && !target.equals(e.getValue())) {
                    e.setValue(target);
                    next.add(target);
                }
            }
            open = next;
        }
        return current;
    }

    /** A merge marker's one field. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Marker(String story) {
    }

    private CompletableFuture<BulkResponseItem> add(Ownership.Write write) {
        CompletableFuture<BulkResponseItem> answer = new CompletableFuture<>();
        if (write instanceof Ownership.Create create) {
            ingester.add(op -> op.create(c -> c.index(ArticleDocument.ALIAS).id(create.document().articleId())
                    .requireAlias(true).document(create.document())), answer);
        } else if (write instanceof Ownership.Replace replace) {
            ingester.add(op -> op.index(i -> i.index(ArticleDocument.ALIAS).id(replace.document().articleId())
                    .requireAlias(true).ifSeqNo(replace.read().seqNo()).ifPrimaryTerm(replace.read().primaryTerm())
                    .document(new ArticleWithStory(replace.document(), replace.read().story()))), answer);
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
