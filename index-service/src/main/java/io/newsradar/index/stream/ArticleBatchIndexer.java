package io.newsradar.index.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.index.bulk.ArticleBulkWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Indexes one batch of {@code news.articles.classified} records: reads each, writes the readable ones in one bulk,
 * and sends what cannot be read or what Elasticsearch refuses for good to the dead-letter topic. When Elasticsearch
 * cannot take the batch now, the exception propagates and the batch is delivered again (offsets are not committed).
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

    void index(List<byte[]> records) {
        List<ArticleDocument> documents = new ArrayList<>(records.size());
        List<byte[]> sources = new ArrayList<>(records.size());
        for (byte[] record : records) {
            try {
                documents.add(ArticleDocument.of(json.readValue(record, ClassifiedArticle.class)));
                sources.add(record);
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                deadLetters.send(null, record, "index-service could not read a ClassifiedArticle: " + e.getMessage());
                deadLettered.increment();
            }
        }
        if (documents.isEmpty()) {
            return;
        }
        for (ArticleBulkWriter.Rejected rejected : writer.write(documents)) {
            String id = rejected.document().articleId();
            deadLetters.send(id, sources.get(documents.indexOf(rejected.document())),
                    "Elasticsearch refused article " + id + " (" + rejected.status() + "): " + rejected.reason());
            deadLettered.increment();
        }
    }
}
