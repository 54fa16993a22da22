package io.newsradar.index.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.Topics;
import io.newsradar.support.kafka.RecordSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** How the binding reads a batch message: each value with its key, partition and offset, a tombstone as no value. */
class IndexBindingTest {

    private final CapturingIndexer indexer = new CapturingIndexer();

    @Test
    void eachValueGoesWithItsKeyPartitionAndOffset() {
        Message<List<?>> batch = MessageBuilder.<List<?>>withPayload(List.of(utf8("{\"a\":1}"), KafkaNull.INSTANCE, "{\"c\":3}"))
                .setHeader(KafkaHeaders.RECEIVED_KEY, Arrays.asList(utf8("key-a"), "key-b", null))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0, 1, 2))
                .setHeader(KafkaHeaders.OFFSET, List.of(10L, 11L, 12L))
                .build();

        new IndexBinding().index(indexer).accept(batch);

        assertThat(indexer.records).extracting(IndexBindingTest::text).containsExactly("{\"a\":1}", null, "{\"c\":3}");
        assertThat(indexer.sources).extracting(s -> text(s.key())).containsExactly("key-a", "key-b", null);
        assertThat(indexer.sources).extracting(RecordSource::partition, RecordSource::offset)
                .containsExactly(tuple(0, 10L), tuple(1, 11L), tuple(2, 12L));
        assertThat(indexer.sources).extracting(RecordSource::topic).containsOnly(Topics.ARTICLES_CLASSIFIED);
    }

    @Test
    void aBatchWithoutItsHeadersIsIndexedWithUnknownKeysAndPlaces() {
        Message<List<?>> batch = MessageBuilder.<List<?>>withPayload(List.of(utf8("{}"))).build();

        new IndexBinding().index(indexer).accept(batch);

        assertThat(indexer.sources).extracting(RecordSource::key).containsExactly((byte[]) null);
        assertThat(indexer.sources).extracting(RecordSource::placed).containsExactly(false);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Keeps what the binding hands the indexer. */
    private static final class CapturingIndexer extends ArticleBatchIndexer {
        final List<byte[]> records = new ArrayList<>();
        final List<RecordSource> sources = new ArrayList<>();

        CapturingIndexer() {
            super(null, null, null, null, new SimpleMeterRegistry());
        }

        @Override
        void index(List<byte[]> records, List<RecordSource> sources) {
            this.records.addAll(records);
            this.sources.addAll(sources);
        }
    }
}
