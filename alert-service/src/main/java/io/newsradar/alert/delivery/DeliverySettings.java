package io.newsradar.alert.delivery;

import java.time.Duration;

/**
 * How webhooks are posted.
 *
 * @param connectTimeout       how long opening a connection may take
 * @param requestTimeout       how long a receiver may take to answer one delivery
 * @param retries              when failed deliveries are tried again, and for how long
 * @param allowPrivateNetworks whether loopback and private networks may be posted to (local use and tests)
 */
public record DeliverySettings(Duration connectTimeout, Duration requestTimeout, RetryPolicy retries,
        boolean allowPrivateNetworks) {
}
