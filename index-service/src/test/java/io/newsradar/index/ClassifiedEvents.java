package io.newsradar.index;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.testsupport.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Classified articles as index-service's tests publish them to {@code news.articles.classified}, and waiting. */
final class ClassifiedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClassifiedEvents() {
    }

    static ClassifiedArticle article(String id, String title) {
        return article(id, title, Instant.parse("2026-11-20T09:01:00Z"));
    }

    static ClassifiedArticle article(String id, String title, Instant ingestedAt) {
        RawArticle raw = new RawArticle(1, id, "https://example.com/" + id, null, "it-feed", "IT", "vi", title, "", "",
                List.of(), Instant.parse("2026-11-20T09:00:00Z"), ingestedAt);
        return new ClassifiedArticle(1, raw, "test", Instant.parse("2026-11-20T09:01:01Z"), "vi",
                PairTag.of("VN", "JP", 0.8), List.of(new CountryTag("JP", 0.8, List.of()), new CountryTag("VN", 0.6, List.of())),
                List.of(), List.of());
    }

    static void send(List<ClassifiedArticle> articles) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (ClassifiedArticle a : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, a.articleId(), JSON.writeValueAsString(a))).get();
            }
        }
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    static void await(BooleanSupplier condition, String what, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + atMost.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
