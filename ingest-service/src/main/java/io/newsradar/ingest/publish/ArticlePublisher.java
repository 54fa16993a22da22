package io.newsradar.ingest.publish;

import io.newsradar.contracts.RawArticle;
import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/** Where ingest hands each new article. */
@FunctionalInterface
public interface ArticlePublisher {

    /** The output binding, bound to {@code news.articles.raw} in ingest-service.yml. */
    String BINDING = "articles-out-0";

    /** Returns once the article is durable; throws when it is not. */
    void publish(RawArticle article);

    /**
     * Publishes to {@code news.articles.raw}, keyed by article id. The binding is synchronous with {@code acks=all},
     * so a return means the broker has the article.
     */
    static ArticlePublisher toKafka(StreamBridge bridge) {
        return article -> {
            boolean sent = bridge.send(BINDING, MessageBuilder.withPayload(article)
                    .setHeader(KafkaHeaders.KEY, article.articleId().getBytes(StandardCharsets.UTF_8))
                    .build());
            if (!sent) {
                throw new IllegalStateException("article " + article.articleId() + " from feed " + article.feedId()
                        + " was not accepted by the " + BINDING + " binding");
            }
        };
    }
}
