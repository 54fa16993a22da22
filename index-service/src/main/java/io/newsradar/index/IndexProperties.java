package io.newsradar.index;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * index-service settings ({@code newsradar.index.*}; environment {@code NEWSRADAR_INDEX_…}).
 *
 * @param bulkMaxOperations   documents per bulk request at most
 * @param bulkMaxSize         bytes per bulk request at most
 * @param bulkConcurrency     bulk requests in flight at once
 * @param bulkFlushInterval   a partial bulk is sent after this long
 * @param acknowledgeTimeout  how long a batch may wait for Elasticsearch before it is retried
 * @param retryInitialBackoff first wait before a batch Elasticsearch did not take is tried again
 * @param retryMaxBackoff     longest wait between tries; batches are retried until Elasticsearch takes them
 * @param maxRecordSize       the largest dead letter index-service produces: a record over it is dead-lettered cut to
 *                            this size; at most the broker's {@code message.max.bytes}
 * @param sendTimeout         how long a dead letter may take to be acknowledged by the broker before its batch is
 *                            delivered again
 */
@ConfigurationProperties("newsradar.index")
public record IndexProperties(
        @DefaultValue("500") int bulkMaxOperations,
        @DefaultValue("5MB") DataSize bulkMaxSize,
        @DefaultValue("1") int bulkConcurrency,
        @DefaultValue("1s") Duration bulkFlushInterval,
        @DefaultValue("60s") Duration acknowledgeTimeout,
        @DefaultValue("500ms") Duration retryInitialBackoff,
        @DefaultValue("30s") Duration retryMaxBackoff,
        @DefaultValue("1000KB") DataSize maxRecordSize,
        @DefaultValue("30s") Duration sendTimeout) {

    public IndexProperties {
        if (bulkMaxOperations <= 0 || bulkConcurrency <= 0 || bulkMaxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("newsradar.index.bulk-max-operations, bulk-max-size and bulk-concurrency must be positive");
        }
        if (retryInitialBackoff.isNegative() || retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
            throw new IllegalArgumentException("newsradar.index.retry-max-backoff must be at least retry-initial-backoff");
        }
        if (maxRecordSize.toBytes() < 64 * 1024 || maxRecordSize.toBytes() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("newsradar.index.max-record-size must be between 64KB and 1GB, not " + maxRecordSize);
        }
        if (sendTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("newsradar.index.send-timeout must be at least 1s, not " + sendTimeout);
        }
    }
}
