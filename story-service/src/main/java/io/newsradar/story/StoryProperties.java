package io.newsradar.story;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * story-service settings ({@code newsradar.story.*}; environment {@code NEWSRADAR_STORY_…}).
 *
 * @param storiesTopic        where assignments and merges go, and where the window is read back from on start
 * @param threshold           the same-event score from which an article joins a story
 * @param restoreTimeout      how long reading the window back from {@code stories-topic} may take at start-up; past
 *                            it the service does not start
 * @param sendTimeout         how long a batch's output may take to be acknowledged by the broker before the batch is
 *                            delivered again
 * @param retryInitialBackoff first wait before such a batch is delivered again
 * @param retryMaxBackoff     longest wait between deliveries; a batch is delivered until its output is acknowledged
 * @param maxRecordSize       the largest record story-service produces; at most the broker's {@code message.max.bytes}
 */
@ConfigurationProperties("newsradar.story")
public record StoryProperties(
        @DefaultValue("news.stories") String storiesTopic,
        @DefaultValue("0.30") double threshold,
        @DefaultValue("2m") Duration restoreTimeout,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("500ms") Duration retryInitialBackoff,
        @DefaultValue("30s") Duration retryMaxBackoff,
        @DefaultValue("1000KB") DataSize maxRecordSize) {

    public StoryProperties {
        if (storiesTopic == null || storiesTopic.isBlank()) {
            throw new IllegalArgumentException("newsradar.story.stories-topic must name a topic");
        }
        if (!(threshold > 0 && threshold <= 1.5)) {
            throw new IllegalArgumentException("newsradar.story.threshold must be above 0 and at most 1.5, not " + threshold);
        }
        if (restoreTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("newsradar.story.restore-timeout must be at least 1s, not " + restoreTimeout);
        }
        if (sendTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("newsradar.story.send-timeout must be at least 1s, not " + sendTimeout);
        }
        if (retryInitialBackoff.isNegative() || retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
            throw new IllegalArgumentException("newsradar.story.retry-max-backoff must be at least retry-initial-backoff");
        }
        if (maxRecordSize.toBytes() < 64 * 1024 || maxRecordSize.toBytes() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("newsradar.story.max-record-size must be between 64KB and 1GB, not " + maxRecordSize);
        }
    }
}
