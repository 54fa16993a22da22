package io.newsradar.alert;

import io.newsradar.alert.delivery.DeliverySettings;
import io.newsradar.alert.delivery.RetryPolicy;
import io.newsradar.alert.spike.SpikeRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * alert-service settings ({@code newsradar.alert.*}; environment {@code NEWSRADAR_ALERT_…}).
 *
 * @param dataDir             a newsroom's data directory, whose regions and topics take precedence over the bundled
 *                            ones (the one classify-service and the gateway read), or {@code null} for the bundled data
 * @param sendTimeout         how long a batch's matches may take to be acknowledged by the broker before the batch is
 *                            delivered again
 * @param searchesTimeout     how long matching waits at start-up for the saved searches to be read to the end
 * @param retryInitialBackoff first wait before a batch whose output was not acknowledged is delivered again
 * @param retryMaxBackoff     longest such wait
 * @param maxRecordSize       the largest record alert-service produces
 * @param delivery            how webhooks are posted and retried
 * @param spikes              when an hour's matches of a search are a spike (docs/alerts.md, "Spikes")
 */
@ConfigurationProperties("newsradar.alert")
public record AlertProperties(
        Path dataDir,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("60s") Duration searchesTimeout,
        @DefaultValue("500ms") Duration retryInitialBackoff,
        @DefaultValue("30s") Duration retryMaxBackoff,
        @DefaultValue("1000KB") DataSize maxRecordSize,
        @DefaultValue Delivery delivery,
        @DefaultValue Spikes spikes) {

    public AlertProperties {
        if (dataDir != null && dataDir.toString().isEmpty()) {
            dataDir = null;
        }
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("newsradar.alert.data-dir " + dataDir + " is not a directory");
        }
        if (sendTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("newsradar.alert.send-timeout must be at least 1s, not " + sendTimeout);
        }
        if (retryInitialBackoff.isNegative() || retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
            throw new IllegalArgumentException("newsradar.alert.retry-max-backoff must be at least retry-initial-backoff");
        }
    }

    /**
     * Webhook delivery ({@code newsradar.alert.delivery.*}).
     *
     * @param connectTimeout       how long opening a connection to a receiver may take
     * @param requestTimeout       how long a receiver may take to answer
     * @param retryInitial         the first wait before a failed delivery is tried again; it doubles, with jitter
     * @param retryMax             the longest wait the doubling reaches (a {@code Retry-After} may ask for more)
     * @param retryFor             how long after its first attempt a delivery is still tried
     * @param allowPrivateNetworks whether loopback and private networks may be posted to (local use and tests)
     * @param maxWindow            the longest a webhook's {@code window} holds its matches back; a longer one is
     *                             shortened to it (the batch of {@code news.alerts} holding them waits for their POST)
     */
    public record Delivery(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("1s") Duration retryInitial,
            @DefaultValue("1h") Duration retryMax,
            @DefaultValue("24h") Duration retryFor,
            @DefaultValue("false") boolean allowPrivateNetworks,
            @DefaultValue("5m") Duration maxWindow) {

        public DeliverySettings settings() {
            try {
                return new DeliverySettings(connectTimeout, requestTimeout, new RetryPolicy(retryInitial, retryMax, retryFor),
                        allowPrivateNetworks, maxWindow);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("newsradar.alert.delivery.retry-*: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The spike rule ({@code newsradar.alert.spikes.*}): an hour is a spike when its count reaches
     * {@code max(floor, level + sigmas·sd, ratio·level)}, {@code level} the higher of the four-week and the recent
     * mean, after {@code min-history} of history.
     *
     * @param floor       the fewest articles in an hour that can be a spike
     * @param sigmas      standard deviations above the level
     * @param ratio       times the level
     * @param minHistory  the history a search needs before its hours are judged
     * @param recentHours the hours just before whose mean may raise the level
     */
    public record Spikes(
            @DefaultValue("5") int floor,
            @DefaultValue("3.0") double sigmas,
            @DefaultValue("2.0") double ratio,
            @DefaultValue("24h") Duration minHistory,
            @DefaultValue("24") int recentHours) {

        public SpikeRule rule() {
            try {
                return new SpikeRule(floor, sigmas, ratio, Math.toIntExact(minHistory.toHours()), recentHours);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("newsradar.alert.spikes.*: " + e.getMessage(), e);
            }
        }
    }
}
