package io.newsradar.index.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.index.bulk.ArticleBulkWriter;
import io.newsradar.index.bulk.Revision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Indexes one batch of {@code news.articles.classified} records: reads each, writes the readable ones in one bulk,
 * and sends what cannot be read or what Elasticsearch refuses for its content to the dead-letter topic, with the
 * reason and where the record was read. When Elasticsearch cannot take the batch now, the exception propagates and
 * the batch is delivered again (offsets are not committed).
 */
class ArticleBatchIndexer {

    private final JsonMapper json;
    private final ArticleBulkWriter writer;
    private final DeadLetters deadLetters;
    private final Counter deadLettered;

    ArticleBatchIndexer(JsonMapper json, ArticleBulkWriter writer, DeadLetters deadLetters, MeterRegistry meters) {
        this.json = json;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.deadLettered = Counter.builder("newsradar.index.dead.letters").description("Records sent to news.articles.dlq").register(meters);
    }

    /** A batch whose keys and places are unknown (a replay). */
    void index(List<byte[]> records) {
        index(records, Collections.nCopies(records.size(), null), Collections.nCopies(records.size(), DeadLetters.Source.UNKNOWN));
    }

    /**
     * @param records the records' values, a record without one as {@code null}
     * @param keys    their keys, index for index ({@code null} when unknown)
     * @param sources where each was read, index for index
     */
    void index(List<byte[]> records, List<byte[]> keys, List<DeadLetters.Source> sources) {
        List<Revision> revisions = new ArrayList<>(records.size());
        Map<Revision, Integer> positions = new IdentityHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String unreadable = null;
            try {
                ClassifiedArticle article = records.get(i) == null ? null : json.readValue(records.get(i), ClassifiedArticle.class);
                if (article == null) {
                    unreadable = records.get(i) == null ? "the record has no value" : "the record is JSON null";
                } else {
                    Revision revision = Revision.of(article);
                    revisions.add(revision);
                    positions.put(revision, i);
                }
            } catch (JacksonException | IllegalArgumentException | NullPointerException | ArithmeticException e) {
                unreadable = e.getMessage();
            }
            if (unreadable != null) {
                deadLetter(i, records, keys, sources, "index-service could not read a ClassifiedArticle: " + unreadable);
            }
        }
        if (revisions.isEmpty()) {
            return;
        }
        for (ArticleBulkWriter.Rejected rejected : writer.write(revisions)) {
            String id = rejected.revision().document().articleId();
            int i = positions.get(rejected.revision());
            deadLetter(i, records, DeadLetters.utf8(id), sources.get(i),
                    "Elasticsearch refused article " + id + " (" + rejected.status() + "): " + rejected.reason());
        }
    }

    private void deadLetter(int i, List<byte[]> records, List<byte[]> keys, List<DeadLetters.Source> sources, String error) {
        deadLetter(i, records, keys.get(i), sources.get(i), error);
    }

    private void deadLetter(int i, List<byte[]> records, byte[] key, DeadLetters.Source source, String error) {
        deadLetters.send(key, records.get(i), source, error);
        deadLettered.increment();
    }
}
