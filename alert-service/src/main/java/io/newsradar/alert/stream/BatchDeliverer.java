package io.newsradar.alert.stream;

import io.newsradar.alert.delivery.WebhookDeliverer;
import io.newsradar.contracts.AlertDelivery;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.RecordSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands one batch of {@code news.alerts} records to the {@link WebhookDeliverer} and returns when each has had its
 * first attempt (delivered, refused, or queued on its receiver's lane to be tried again), so the container commits
 * the batch then. Receivers are posted to in parallel, each on its own lane: the batch waits at most about one
 * request timeout per delivery queued on the slowest lane. A record that cannot be read is a dead letter.
 */
final class BatchDeliverer {

    private final WebhookDeliverer deliverer;
    private final SearchesView searches;
    private final JsonMapper json;
    private final DeadLetterWriter deadLetters;
    private final DeliveryAttempts attempts;

    BatchDeliverer(WebhookDeliverer deliverer, SearchesView searches, JsonMapper json, DeadLetterWriter deadLetters,
            DeliveryAttempts attempts) {
        this.deliverer = deliverer;
        this.searches = searches;
        this.json = json;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
    }

    void deliver(List<byte[]> records, List<RecordSource> sources) {
        searches.awaitReady();
        List<CompletableFuture<?>> first = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RecordSource source = i < sources.size() ? sources.get(i) : RecordSource.unknown(Topics.ALERTS, null);
            byte[] record = records.get(i);
            AlertDelivery delivery;
            try {
                delivery = record == null ? null : json.readValue(record, AlertDelivery.class);
                if (delivery == null) {
                    throw new IllegalArgumentException("the record has no value or is JSON null");
                }
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                deadLetters.write(source, record, e.getClass().getName(), "alert-service could not read an AlertDelivery: "
                        + DeadLetterWriter.message(e), attempts.current(source));
                continue;
            }
            first.add(deliverer.deliver(delivery).first());
        }
        CompletableFuture.allOf(first.toArray(CompletableFuture[]::new)).join();
        attempts.delivered(sources);
    }
}
