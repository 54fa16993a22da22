package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class BoundBatchesTest {

    private static final byte[] VALUE = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsEachRecordsKeyPartitionAndOffsetFromTheBatchHeaders() {
        Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(VALUE, VALUE))
                .setHeader(KafkaHeaders.RECEIVED_KEY, List.of("a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8)))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(3, 5))
                .setHeader(KafkaHeaders.OFFSET, List.of(10L, 42L))
                .build();

        List<RecordSource> sources = BoundBatches.sources(batch, Topics.ARTICLES_RAW);

        assertThat(sources).extracting(s -> new String(s.key(), StandardCharsets.UTF_8)).containsExactly("a", "b");
        assertThat(sources).extracting(RecordSource::partition).containsExactly(3, 5);
        assertThat(sources).extracting(RecordSource::offset).containsExactly(10L, 42L);
    }

    @Test
    void takesEachRecordsTopicFromTheBatchAndNewsArticlesRawWhenTheBinderGivesNone() {
        Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(VALUE, VALUE))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("news.articles.raw.replayed"))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0, 1))
                .setHeader(KafkaHeaders.OFFSET, List.of(1L, 2L))
                .build();

        assertThat(BoundBatches.sources(batch, Topics.ARTICLES_RAW)).extracting(RecordSource::topic)
                .containsExactly("news.articles.raw.replayed", Topics.ARTICLES_RAW);
    }

    @Test
    void aBatchWithoutHeadersHasUnknownSources() {
        assertThat(BoundBatches.sources(MessageBuilder.withPayload(List.of(VALUE)).build(), Topics.ARTICLES_RAW))
                .singleElement().satisfies(s -> assertThat(s.partition()).isEqualTo(-1));
    }

    @Test
    void aBatchWithFewerValuesThanRecordsIsRefusedSoThatItIsNotCommitted() {
        Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(VALUE))
                .setHeader(KafkaHeaders.OFFSET, List.of(10L, 11L, 12L)).build();

        assertThatThrownBy(() -> BoundBatches.sources(batch, Topics.ARTICLES_RAW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 values for a batch of 3 records")
                .hasMessageContaining("content-type must be application/octet-stream");
    }
}
