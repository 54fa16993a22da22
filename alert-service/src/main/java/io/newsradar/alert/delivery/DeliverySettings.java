package io.newsradar.alert.delivery;

import java.time.Duration;

/**
 * How webhooks are posted.
 *
 * @param connectTimeout       how long opening a connection may take
 * @param requestTimeout       how long a receiver may take to answer one delivery
 * @param retries              when failed deliveries are tried again, and for how long
 * @param allowPrivateNetworks whether loopback and private networks may be posted to (local use and tests)
 * @param maxWindow            the longest a webhook's {@code window} may hold matches back: the batch of
 *                             {@code news.alerts} that holds them waits for their POST
 */
public record DeliverySettings(Duration connectTimeout, Duration requestTimeout, RetryPolicy retries,
        boolean allowPrivateNetworks, Duration maxWindow) {
}
