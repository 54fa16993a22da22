package io.newsradar.alert.delivery;

import io.newsradar.contracts.AlertDelivery;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The deliveries of one search that go out in one POST: one, or up to the webhook's {@code batch} gathered during its
 * {@code window}. Its delivery id is the one delivery's id, or for several {@link AlertDelivery#deliveryId} of the
 * search and their ids joined, so a retry of the same POST carries the same id.
 *
 * @param searchId   the search
 * @param deliveryId what {@code X-Newsradar-Delivery} says
 * @param deliveries the matches, in the order they came
 * @param progress   each match's progress, index for index
 */
record Bundle(String searchId, String deliveryId, List<AlertDelivery> deliveries, List<WebhookDeliverer.Attempted> progress) {

    Bundle {
        deliveries = List.copyOf(deliveries);
        progress = List.copyOf(progress);
    }

    static Bundle of(List<AlertDelivery> deliveries, List<WebhookDeliverer.Attempted> progress) {
        String searchId = deliveries.get(0).search().searchId();
        String id = deliveries.size() == 1 ? deliveries.get(0).deliveryId()
                : AlertDelivery.deliveryId(searchId, deliveries.stream().map(AlertDelivery::deliveryId).collect(Collectors.joining(",")));
        return new Bundle(searchId, id, deliveries, progress);
    }
}
