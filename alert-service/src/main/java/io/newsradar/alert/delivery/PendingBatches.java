package io.newsradar.alert.delivery;

import io.newsradar.contracts.AlertDelivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The matches of each batching search waiting for their POST: until the batch is full or the window has passed. */
final class PendingBatches {

    private final Map<String, List<AlertDelivery>> deliveries = new HashMap<>();
    private final Map<String, List<WebhookDeliverer.Attempted>> progress = new HashMap<>();

    /** Adds a match; how many of its search now wait. */
    synchronized int add(AlertDelivery delivery, WebhookDeliverer.Attempted attempted) {
        String searchId = delivery.search().searchId();
        deliveries.computeIfAbsent(searchId, k -> new ArrayList<>()).add(delivery);
        List<WebhookDeliverer.Attempted> waiting = progress.computeIfAbsent(searchId, k -> new ArrayList<>());
        waiting.add(attempted);
        return waiting.size();
    }

    /** Everything of the search that waits, as one bundle, or {@code null} when nothing does. */
    synchronized Bundle take(String searchId) {
        List<AlertDelivery> taken = deliveries.remove(searchId);
        List<WebhookDeliverer.Attempted> takenProgress = progress.remove(searchId);
        return taken == null || taken.isEmpty() ? null : Bundle.of(taken, takenProgress);
    }
}
