package io.newsradar.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * classify-service settings ({@code newsradar.classify.*}; environment {@code NEWSRADAR_CLASSIFY_…}).
 *
 * @param dataDir             a directory of data files that take precedence over the bundled ones (a newsroom's own
 *                            topics, aliases or regions; see docs/classifier.md), the same one the gateway reads
 *                            ({@code NEWSRADAR_DATA_DIR} sets both), or {@code null} or empty for the bundled data only
 * @param sendTimeout         how long a batch's output may take to be acknowledged by the broker before the batch is
 *                            delivered again
 * @param retryInitialBackoff first wait before such a batch is delivered again
 * @param retryMaxBackoff     longest wait between deliveries; a batch is delivered until its output is acknowledged
 * @param maxRecordSize       the largest record classify-service produces: a classified article over it is sent with
 *                            less evidence, or as a dead letter cut to this size; at most the broker's
 *                            {@code message.max.bytes}
 */
@ConfigurationProperties("newsradar.classify")
public record ClassifyProperties(
        Path dataDir,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("500ms") Duration retryInitialBackoff,
        @DefaultValue("30s") Duration retryMaxBackoff,
        @DefaultValue("1000KB") DataSize maxRecordSize) {

    public ClassifyProperties {
        if (dataDir != null && dataDir.toString().isEmpty()) {
            dataDir = null;
        }
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("newsradar.classify.data-dir " + dataDir + " is not a directory");
        }
        if (sendTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("newsradar.classify.send-timeout must be at least 1s, not " + sendTimeout);
        }
        if (retryInitialBackoff.isNegative() || retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
            throw new IllegalArgumentException("newsradar.classify.retry-max-backoff must be at least retry-initial-backoff");
        }
        if (maxRecordSize.toBytes() < 64 * 1024 || maxRecordSize.toBytes() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("newsradar.classify.max-record-size must be between 64KB and 1GB, not " + maxRecordSize);
        }
    }
}
