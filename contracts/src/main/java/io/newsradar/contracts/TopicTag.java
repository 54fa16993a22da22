package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A topic the story covers.
 *
 * @param topic    the topic's key in the taxonomy: {@code investment}, {@code aid}, {@code culture}, {@code labour}…
 * @param score    in [0, 1]
 * @param evidence the phrases that point to it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicTag(String topic, double score, List<Evidence> evidence) {

    public TopicTag {
        Checks.requireText(topic, "TopicTag.topic");
        Checks.requireScore(score, "TopicTag " + topic + ": score");
        evidence = Checks.listOrEmpty(evidence);
    }
}
