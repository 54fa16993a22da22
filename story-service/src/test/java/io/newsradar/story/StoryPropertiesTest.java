package io.newsradar.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class StoryPropertiesTest {

    private static StoryProperties with(String topic, double threshold, Duration restoreTimeout) {
        return new StoryProperties(topic, threshold, restoreTimeout, Duration.ofSeconds(30), Duration.ofMillis(500),
                Duration.ofSeconds(30), DataSize.ofKilobytes(1000));
    }

    @Test
    void theDefaultsOfStoryServiceYmlAreValid() {
        StoryProperties properties = with("news.stories", 0.30, Duration.ofMinutes(2));

        assertThat(properties.storiesTopic()).isEqualTo("news.stories");
        assertThat(properties.threshold()).isEqualTo(0.30);
    }

    @Test
    void aBadSettingSaysWhichAndWhy() {
        assertThatThrownBy(() -> with(" ", 0.30, Duration.ofMinutes(2)))
                .hasMessage("newsradar.story.stories-topic must name a topic");
        assertThatThrownBy(() -> with("news.stories", 0, Duration.ofMinutes(2)))
                .hasMessageStartingWith("newsradar.story.threshold must be above 0");
        assertThatThrownBy(() -> with("news.stories", 0.30, Duration.ofMillis(10)))
                .hasMessageStartingWith("newsradar.story.restore-timeout must be at least 1s");
    }
}
