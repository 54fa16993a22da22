package io.newsradar.alert.stream;

import io.newsradar.alert.delivery.SearchPauser;
import io.newsradar.contracts.SavedSearch;
import io.newsradar.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pauses a search by writing it to {@code news.searches} disabled ({@code enabled: false}), as its owner would through
 * the API: every instance, and the API, then see it paused, and saving it enabled again resumes it.
 */
final class KafkaSearchPauser implements SearchPauser {

    private static final Logger log = LoggerFactory.getLogger(KafkaSearchPauser.class);

    private final Producer<byte[], byte[]> producer;
    private final JsonMapper json;
    private final Duration timeout;
    private final Clock clock;

    KafkaSearchPauser(Producer<byte[], byte[]> producer, JsonMapper json, Duration timeout, Clock clock) {
        this.producer = producer;
        this.json = json;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void pause(SavedSearch search, String reason) {
        SavedSearch paused = new SavedSearch(search.schemaVersion(), search.searchId(), search.name(), search.owner(),
                search.query(), search.webhook(), false, search.createdAt(), clock.instant());
        try {
            producer.send(new ProducerRecord<>(Topics.SEARCHES, search.searchId().getBytes(StandardCharsets.UTF_8),
                    json.writeValueAsBytes(paused))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.atWarn().addKeyValue("searchId", search.searchId()).log("saved search {} paused: {}", search.searchId(), reason);
        } catch (ExecutionException | TimeoutException e) {
            log.atError().addKeyValue("searchId", search.searchId()).log("saved search {} could not be paused on {} ({}): {}; "
                    + "this instance delivers nothing more to it until restarted", search.searchId(), Topics.SEARCHES, e, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
