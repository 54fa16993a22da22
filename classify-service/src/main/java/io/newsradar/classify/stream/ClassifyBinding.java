package io.newsradar.classify.stream;

import io.newsradar.classify.ClassifyProperties;
import io.newsradar.classify.Classifier;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The stream binding: {@code classify-in-0} ({@code news.articles.raw}) → {@code classify-out-0}
 * ({@code news.articles.classified}), keyed by article id (UTF-8 bytes: the binder's keys are byte arrays, which
 * dead letters keep as they came). A record that cannot be read or classified after the
 * binding's retries goes to {@code news.articles.dlq} (configured in classify-service.yml).
 */
@Configuration(proxyBeanMethods = false)
public class ClassifyBinding {

    private static final Logger log = LoggerFactory.getLogger(ClassifyBinding.class);

    /** Loaded once at start-up: a malformed data file stops the service with the file and line at fault. */
    @Bean
    Classifier classifier(ClassifyProperties properties) {
        Classifier classifier = Classifier.load(properties.dataDir(), Clock.systemUTC());
        log.atInfo().addKeyValue("version", classifier.version()).addKeyValue("dataDir", properties.dataDir())
                .log("classifier loaded");
        return classifier;
    }

    @Bean
    Function<RawArticle, Message<ClassifiedArticle>> classify(Classifier classifier) {
        return article -> {
            ClassifiedArticle classified = classifier.classify(article);
            return MessageBuilder.withPayload(classified).setHeader(KafkaHeaders.KEY, classified.articleId().getBytes(StandardCharsets.UTF_8)).build();
        };
    }
}
