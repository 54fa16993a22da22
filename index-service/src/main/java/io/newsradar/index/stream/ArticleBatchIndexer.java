package io.newsradar.index.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.index.bulk.ArticleBulkWriter;
import io.newsradar.index.bulk.Revision;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.RecordSource;
import java.nio.charset.StandardCharsets;
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
 * reason, where the record was read and how many times it was tried. When Elasticsearch cannot take the batch now,
 * the exception propagates and the batch is delivered again (offsets are not committed).
 */
class ArticleBatchIndexer {

    static final String STAGE = "index-service";

    private final JsonMapper json;
    private final ArticleBulkWriter writer;
    private final DeadLetterWriter deadLetters;
    private final DeliveryAttempts attempts;
    private final Counter deadLettered;

    ArticleBatchIndexer(JsonMapper json, ArticleBulkWriter writer, DeadLetterWriter deadLetters, DeliveryAttempts attempts,
            MeterRegistry meters) {
        this.json = json;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.deadLettered = Counter.builder("newsradar.index.dead.letters").description("Records sent to news.articles.dlq").register(meters);
    }

    /** A batch whose keys and places are unknown (a replay). */
    void index(List<byte[]> records) {
        index(records, Collections.nCopies(records.size(), RecordSource.unknown(Topics.ARTICLES_CLASSIFIED, null)));
    }

    /**
     * @param records the records' values, a record without one as {@code null}
     * @param sources where each was read, with its key, index for index
     */
    void index(List<byte[]> records, List<RecordSource> sources) {
        List<Revision> revisions = new ArrayList<>(records.size());
        Map<Revision, Integer> positions = new IdentityHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byte[] record = records.get(i);
            String what = "index-service could not read a ClassifiedArticle";
            if (record == null) {
                deadLetter(sources.get(i), null, "no-value", what + ": the record has no value");
                continue;
            }
            try {
                ClassifiedArticle article = json.readValue(record, ClassifiedArticle.class);
                if (article == null) {
                    deadLetter(sources.get(i), record, "json-null", what + ": the record is JSON null");
                } else {
                    Revision revision = Revision.of(article);
                    revisions.add(revision);
                    positions.put(revision, i);
                }
            } catch (JacksonException | IllegalArgumentException | NullPointerException | ArithmeticException e) {
                // The whole message: Jackson's second line says where in the record it stopped.
                deadLetter(sources.get(i), record, e.getClass().getName(),
                        what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        if (!revisions.isEmpty()) {
            for (ArticleBulkWriter.Rejected rejected : writer.write(revisions)) {
                String id = rejected.revision().document().articleId();
                int i = positions.get(rejected.revision());
                RecordSource source = sources.get(i);
                deadLetter(new RecordSource(source.topic(), source.partition(), source.offset(), id.getBytes(StandardCharsets.UTF_8)),
                        records.get(i), "elasticsearch-refused",
                        "Elasticsearch refused article " + id + " (" + rejected.status() + "): " + rejected.reason());
            }
        }
        attempts.delivered(sources);
    }

    private void deadLetter(RecordSource source, byte[] record, String errorClass, String error) {
        deadLetters.write(source, record, errorClass, error, attempts.current(source));
        deadLettered.increment();
    }
}
