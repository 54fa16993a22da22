package io.newsradar.index.admin;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.JsonData;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.support.elasticsearch.ArticleIndexInstaller;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the articles to a new index with the current mapping: creates {@code news-articles-00000N+1} from the
 * installed template, copies the documents into it, swaps the alias in one atomic step, then copies once more what
 * was written to the old index during the first copy. Documents keep their versions (external versioning), so the
 * second copy only brings what is newer. The old index stays until you delete it. An interrupted reindex is resumed
 * by running it again: it copies into the index it had created.
 *
 * <p>Between the swap and the end of the second copy, a search may miss documents written during the first copy;
 * nothing is lost and nothing is doubled.
 */
public final class Reindex {

    /** What a reindex did. */
    public record Result(String from, String to, long documents) {
    }

    private static final Pattern GENERATION = Pattern.compile("^(.*-)(\\d{6})$");
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);
    private static final Time KEEP_ALIVE = Time.of(t -> t.time("2m"));
    private static final int PAGE = 500;

    private final ElasticsearchClient client;
    private final PrintStream progress;
    private final Duration settle;

    /**
     * @param settle how long to wait after the swap for bulk requests already on their way to the old index
     */
    public Reindex(ElasticsearchClient client, PrintStream progress, Duration settle) {
        this.client = client;
        this.progress = progress;
        this.settle = settle;
    }

    public Result run() {
        try {
            new ArticleIndexInstaller(client).install();
            String from = writeIndex();
            String to = next(from);
            if (client.indices().exists(e -> e.index(to)).value()) {
                progress.printf("reindex: %s exists from an interrupted reindex; copying into it again%n", to);
            } else {
                client.indices().create(c -> c.index(to));
                progress.printf("reindex: created %s with the current mapping; copying the documents of %s%n", to, from);
            }
            copy(from, to, "first copy");
            client.indices().updateAliases(u -> u
                    .actions(a -> a.remove(r -> r.index(from).alias(ArticleDocument.ALIAS)))
                    .actions(a -> a.add(add -> add.index(to).alias(ArticleDocument.ALIAS).isWriteIndex(true))));
            progress.printf("reindex: %s now points at %s; copying what was written meanwhile%n", ArticleDocument.ALIAS, to);
            Thread.sleep(settle.toMillis());
            copy(from, to, "catch-up");
            client.indices().refresh(r -> r.index(to));
            long documents = client.count(c -> c.index(to)).count();
            progress.printf("reindex: done, %,d documents in %s; %s is kept: delete it once you are satisfied "
                    + "(curl -X DELETE <elasticsearch>/%s)%n", documents, to, from, from);
            return new Result(from, to, documents);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; the alias still points where the last message said", e);
        }
    }

    /** The index the alias writes to. */
    public String writeIndex() throws IOException {
        Map<String, IndexAliases> aliases = client.indices().getAlias(a -> a.name(ArticleDocument.ALIAS)).result();
        String only = aliases.size() == 1 ? aliases.keySet().iterator().next() : null;
        for (Map.Entry<String, IndexAliases> e : aliases.entrySet()) {
            var alias = e.getValue().aliases().get(ArticleDocument.ALIAS);
            if (alias != null && Boolean.TRUE.equals(alias.isWriteIndex())) {
                return e.getKey();
            }
        }
        if (only == null) {
            throw new IllegalStateException("the alias " + ArticleDocument.ALIAS + " has no write index among " + aliases.keySet());
        }
        return only;
    }

    /** {@code news-articles-000001} → {@code news-articles-000002}. */
    public static String next(String index) {
        Matcher m = GENERATION.matcher(index);
        if (!m.matches()) {
            throw new IllegalStateException("the index " + index + " is not named <prefix>-NNNNNN: cannot name its successor");
        }
        return m.group(1) + String.format("%06d", Integer.parseInt(m.group(2)) + 1);
    }

    /**
     * Copies every document of {@code from} to {@code to} with its version, through a point in time read in pages
     * (the copy needs no Elasticsearch module beyond the core). A document already in {@code to} with the same or a
     * newer version is left as it is.
     */
    private void copy(String from, String to, String pass) throws IOException {
        long total = client.count(c -> c.index(from)).count();
        String pit = client.openPointInTime(p -> p.index(from).keepAlive(KEEP_ALIVE)).id();
        long done = 0;
        long newer = 0;
        long lastReport = 0;
        long reported = -1;
        List<FieldValue> after = List.of();
        try {
            while (true) {
                String pitId = pit;
                List<FieldValue> searchAfter = after;
                SearchResponse<JsonData> page = client.search(s -> {
                    s.pit(p -> p.id(pitId).keepAlive(KEEP_ALIVE)).size(PAGE).version(true)
                            .sort(o -> o.field(f -> f.field("_shard_doc")));
                    return searchAfter.isEmpty() ? s : s.searchAfter(searchAfter);
                }, JsonData.class);
                List<Hit<JsonData>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                for (Hit<JsonData> hit : hits) {
                    bulk.operations(op -> op.index(i -> i.index(to).id(hit.id()).versionType(VersionType.External)
                            .version(hit.version()).document(hit.source())));
                }
                for (BulkResponseItem item : client.bulk(bulk.build()).items()) {
                    if (item.error() == null) {
                        done++;
                    } else if (item.status() == 409) {
                        done++;
                        newer++;
                    } else {
                        throw new IllegalStateException("the " + pass + " could not write " + item.id() + ": "
                                + item.error().type() + ": " + item.error().reason());
                    }
                }
                pit = page.pitId() != null ? page.pitId() : pit;
                after = hits.get(hits.size() - 1).sort();
                long now = System.nanoTime();
                if (now - lastReport >= REPORT_EVERY.toNanos()) {
                    report(pass, done, total, newer);
                    lastReport = now;
                    reported = done;
                }
            }
        } finally {
            String pitId = pit;
            client.closePointInTime(c -> c.id(pitId));
        }
        if (reported != done || done == 0) {
            report(pass, done, total, newer);
        }
    }

    private void report(String pass, long done, long total, long newer) {
        progress.printf("reindex: %s %,d / %,d documents (%d%%), %,d already there as new or newer%n", pass, done, total,
                total == 0 ? 100 : Math.min(100, done * 100 / total), newer);
    }

}
