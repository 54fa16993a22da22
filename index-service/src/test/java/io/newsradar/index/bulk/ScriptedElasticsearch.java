package io.newsradar.index.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetRequest;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.DefaultTransportOptions;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsradar.contracts.ArticleDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transport that answers the writer's two requests (a multi-get of the articles, a bulk of writes) with responses
 * built from elasticsearch-java's own model builders, from a script the test sets: what is stored of each article,
 * which statuses a write of an article gets before it succeeds, and whether Elasticsearch can be reached at all. A
 * write that succeeds, or one that overtakes the writer's, is kept, so the next multi-get reads it at a higher sequence number. Every bulk is recorded.
 */
public final class ScriptedElasticsearch implements ElasticsearchTransport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Jackson3JsonpMapper mapper = new Jackson3JsonpMapper();
    private final Map<String, StoredArticles.Source> stored = new HashMap<>();
    private final Map<String, Long> seqNos = new HashMap<>();
    private final Map<String, Deque<Integer>> refusals = new HashMap<>();
    private final Map<String, StoredArticles.Source> overtakers = new HashMap<>();
    private final List<BulkRequest> bulks = new ArrayList<>();
    private boolean unreachable;
    private String unreadable;

    public ElasticsearchClient client() {
        return new ElasticsearchClient(this);
    }

    /** The article is stored as if this feed had written it. */
    ScriptedElasticsearch storing(String articleId, StoredArticles.Source source) {
        stored.put(articleId, source);
        seqNos.merge(articleId, 1L, Long::sum);
        return this;
    }

    /** The next writes of the article are answered with these statuses, one each, before one succeeds. */
    public ScriptedElasticsearch refusing(String articleId, Integer... statuses) {
        refusals.computeIfAbsent(articleId, id -> new ArrayDeque<>()).addAll(List.of(statuses));
        return this;
    }

    /** The next write of the article conflicts: another writer stored this meanwhile. */
    ScriptedElasticsearch overtakenBy(String articleId, StoredArticles.Source source) {
        overtakers.put(articleId, source);
        return this;
    }

    /** Every request fails as a connection refused would. */
    public ScriptedElasticsearch unreachable() {
        unreachable = true;
        return this;
    }

    /** The multi-get answers a shard failure for this article. */
    ScriptedElasticsearch failingToRead(String articleId) {
        unreadable = articleId;
        return this;
    }

    public List<BulkRequest> bulks() {
        return bulks;
    }

    StoredArticles.Source stored(String articleId) {
        return stored.get(articleId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint,
            TransportOptions options) throws IOException {
        if (unreachable) {
            throw new IOException("Connection refused: localhost/127.0.0.1:9200");
        }
        if (request instanceof MgetRequest mget) {
            return (ResponseT) mget(mget.ids());
        }
        if (request instanceof BulkRequest bulk) {
            return (ResponseT) bulk(bulk);
        }
        throw new IllegalArgumentException("no answer scripted for " + endpoint.id());
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        try {
            return CompletableFuture.completedFuture(performRequest(request, endpoint, options));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private synchronized MgetResponse<StoredArticles.Source> mget(List<String> ids) {
        List<MultiGetResponseItem<StoredArticles.Source>> docs = new ArrayList<>();
        for (String id : ids) {
            StoredArticles.Source source = stored.get(id);
            if (id.equals(unreadable)) {
                docs.add(MultiGetResponseItem.of(i -> i.failure(f -> f.id(id).index(ArticleDocument.ALIAS)
                        .error(e -> e.type("no_shard_available_action_exception").reason("no shard available")))));
            } else {
                docs.add(MultiGetResponseItem.of(i -> i.result(r -> {
                    r.index("news-articles-000001").id(id).found(source != null);
                    return source == null ? r : r.source(source).seqNo(seqNos.get(id)).primaryTerm(1L);
                })));
            }
        }
        return MgetResponse.of(m -> m.docs(docs));
    }

    private synchronized BulkResponse bulk(BulkRequest request) {
        bulks.add(request);
        List<BulkResponseItem> items = new ArrayList<>();
        for (BulkOperation op : request.operations()) {
            OperationType type = op.isCreate() ? OperationType.Create : op.isIndex() ? OperationType.Index : OperationType.Update;
            String id = op.isCreate() ? op.create().id() : op.isIndex() ? op.index().id() : op.update().id();
            StoredArticles.Source overtaker = overtakers.remove(id);
            if (overtaker != null) {
                storing(id, overtaker);
            }
            Integer refusal = overtaker != null ? Integer.valueOf(409) : refusals.getOrDefault(id, new ArrayDeque<>()).poll();
            if (refusal != null) {
                items.add(BulkResponseItem.of(i -> i.operationType(type).index(ArticleDocument.ALIAS).id(id).status(refusal)
                        .error(e -> e.type(errorType(refusal)).reason("scripted refusal " + refusal))));
            } else {
                keep(op, id);
                items.add(BulkResponseItem.of(i -> i.operationType(type).index(ArticleDocument.ALIAS).id(id)
                        .status(type == OperationType.Create ? 201 : 200).seqNo(seqNos.get(id)).primaryTerm(1L)));
            }
        }
        return BulkResponse.of(b -> b.errors(items.stream().anyMatch(i -> i.error() != null)).took(1).items(items));
    }

    @SuppressWarnings("unchecked")
    private void keep(BulkOperation op, String id) {
        if (op.isUpdate()) {
            StoredArticles.Source was = stored.get(id);
            List<String> alsoIn = op.update().action() != null
                    ? ((Map<String, List<String>>) op.update().action().doc()).get("alsoIn")
                    : JSON.readValue(bytes(op.update().binaryAction()), UpdateAction.class).doc().alsoIn();
            stored.put(id, new StoredArticles.Source(was.feedId(), was.source(), alsoIn, was.ingestedAt()));
        } else {
            Object document = op.isCreate() ? op.create().document() : op.index().document();
            stored.put(id, source(document));
        }
        seqNos.merge(id, 1L, Long::sum);
    }

    private static StoredArticles.Source source(Object document) {
        if (document instanceof ArticleDocument d) {
            return new StoredArticles.Source(d.feedId(), d.source(), d.alsoIn(), d.ingestedAt());
        }
        return JSON.readValue(bytes((BinaryData) document), StoredArticles.Source.class);
    }

    private static byte[] bytes(BinaryData data) {
        try {
            ByteBuffer buffer = data.asByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An update's action as the client serialised it: {@code {"doc": {"alsoIn": […]}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record UpdateAction(Doc doc) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Doc(List<String> alsoIn) {
    }

    private static String errorType(int status) {
        return switch (status) {
            case 409 -> "version_conflict_engine_exception";
            case 429 -> "es_rejected_execution_exception";
            case 400 -> "document_parsing_exception";
            default -> "unavailable_shards_exception";
        };
    }

    @Override
    public Jackson3JsonpMapper jsonpMapper() {
        return mapper;
    }

    @Override
    public TransportOptions options() {
        return DefaultTransportOptions.EMPTY;
    }

    @Override
    public void close() {
    }
}
