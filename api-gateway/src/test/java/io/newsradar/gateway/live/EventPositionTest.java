package io.newsradar.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.gateway.search.InvalidQueryException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventPositionTest {

    @Test
    void anEventIdIsTheClassificationTimeAndTheArticleIdAndReadsBack() {
        EventPosition position = new EventPosition(1763629200123L, "q3B8o5y0-q2yqD7kYF8bUw");

        assertThat(position.id()).isEqualTo("1763629200123-q3B8o5y0-q2yqD7kYF8bUw");
        assertThat(EventPosition.parse(position.id(), "Last-Event-ID")).isEqualTo(position);
    }

    @Test
    void positionsAreOrderedByClassificationTimeThenArticleId() {
        EventPosition early = new EventPosition(1000, "zzzzzzzzzzzzzzzzzzzzzz");
        EventPosition lateA = new EventPosition(2000, "AAAAAAAAAAAAAAAAAAAAAB");
        EventPosition lateB = new EventPosition(2000, "BAAAAAAAAAAAAAAAAAAAAA");

        assertThat(List.of(lateB, early, lateA).stream().sorted().toList()).containsExactly(early, lateA, lateB);
        assertThat(EventPosition.at(Instant.ofEpochMilli(2000))).isLessThan(lateA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "1763629200123", "1763629200123-", "-q3B8o5y0dq2yqD7kYF8bUw",
            "17636x9200123-q3B8o5y0dq2yqD7kYF8bUw", "1763629200123-q3B8o5y0dq2yqD7kYF8bU", "1763629200123-q3B8o5y0dq2yqD7kYF8b!w",
            "12345678901234567890-q3B8o5y0dq2yqD7kYF8bUw"})
    void refusesWhatIsNotAnEventIdNamingWhereItCameFrom(String text) {
        assertThatThrownBy(() -> EventPosition.parse(text, "Last-Event-ID"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith("Last-Event-ID must be the id of an event this stream sent");
    }
}
