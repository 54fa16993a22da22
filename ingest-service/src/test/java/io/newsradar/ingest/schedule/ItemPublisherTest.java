package io.newsradar.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.FeedState;
import io.newsradar.contracts.RawArticle;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.ParsedFeed;
import io.newsradar.ingest.publish.ArticlePublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.messaging.MessageHandlingException;

/** One item that cannot be published never stops the rest of its feed; only a Kafka outage stops a poll. */
class ItemPublisherTest {

    private static final FeedSpec FEED = FeedSpec.of("wire", "https://wire.example.com/rss", "en");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<RawArticle> published = new ArrayList<>();

    record Refusal(String name, Supplier<Throwable> failure) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("record too large, wrapped as the binder wraps it", () -> new MessageHandlingException(null,
                        "failed to send", new ExecutionException(new RecordTooLargeException("1572864 bytes")))),
                new Refusal("record too large, bare", () -> new RecordTooLargeException("too large")),
                new Refusal("a stack overflow while serializing", StackOverflowError::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void anItemKafkaRefusesForItselfIsCountedAndTheRestOfTheFeedIsPublished(Refusal refusal) {
        ArticlePublisher kafka = article -> {
            if (article.title().equals("Two")) {
                Throwable t = refusal.failure().get();
                if (t instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) t;
            }
            published.add(article);
        };

        ItemPublisher.Published result = publisher(kafka).publishNew(FEED, feed("Three", "Two", "One"), List.of());

        assertThat(result.error()).isNull();
        assertThat(published).extracting(RawArticle::title).containsExactly("One", "Three");
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.recent()).as("the refused item is not tried at every poll").hasSize(3);
        assertThat(meters.counter("newsradar.ingest.items.refused", "reason", "kafka_refused").count()).isEqualTo(1);
    }

    @Test
    void aKafkaOutageStillStopsThePollSoTheDocumentIsFetchedAgain() {
        ArticlePublisher kafka = article -> {
            if (article.title().equals("Two")) {
                throw new MessageHandlingException(null, "failed", new TimeoutException("Expiring 1 record(s)"));
            }
            published.add(article);
        };

        ItemPublisher.Published result = publisher(kafka).publishNew(FEED, feed("Three", "Two", "One"), List.of());

        assertThat(result.error()).contains("news.articles.raw", "failed");
        assertThat(published).extracting(RawArticle::title).containsExactly("One");
        assertThat(result.recent()).extracting(FeedState.SeenArticle::articleId).hasSize(1);
    }

    @Test
    void aHugeItemIsPublishedCutAndTheItemsAfterItToo() {
        String huge = "Nội dung rất dài ".repeat(200_000);
        ParsedFeed parsed = new ParsedFeed("Wire", "en", "rss_2.0", null, null, List.of(
                item("After"), new FeedItem("Huge", "https://wire.example.com/huge", null, huge, huge, Instant.now(), null,
                        List.of()), item("Before")));

        ItemPublisher.Published result = publisher(published::add).publishNew(FEED, parsed, List.of());

        assertThat(result.error()).isNull();
        assertThat(published).extracting(RawArticle::title).containsExactly("Before", "Huge", "After");
        assertThat(published.get(1).truncated()).containsExactly("lead", "body");
        assertThat(published.get(1).body()).hasSizeLessThanOrEqualTo(100_000);
        assertThat(meters.counter("newsradar.ingest.articles.truncated").count()).isEqualTo(1);
    }

    @Test
    void anItemWithAnOverlongLinkIsRefusedAndTheOthersArePublished() {
        ParsedFeed parsed = new ParsedFeed("Wire", "en", "rss_2.0", null, null, List.of(item("After"),
                new FeedItem("Long", "https://wire.example.com/" + "x".repeat(10_000), null, "", "", null, null, List.of()),
                item("Before")));

        ItemPublisher.Published result = publisher(published::add).publishNew(FEED, parsed, List.of());

        assertThat(result.error()).isNull();
        assertThat(published).extracting(RawArticle::title).containsExactly("Before", "After");
        assertThat(meters.counter("newsradar.ingest.items.refused", "reason", "identity_too_long").count()).isEqualTo(1);
    }

    private ItemPublisher publisher(ArticlePublisher kafka) {
        return new ItemPublisher(null, null, kafka, new IngestMetrics(meters), Clock.systemUTC(), 100);
    }

    private static ParsedFeed feed(String... newestFirst) {
        return new ParsedFeed("Wire", "en", "rss_2.0", null, null, Stream.of(newestFirst).map(ItemPublisherTest::item).toList());
    }

    private static FeedItem item(String title) {
        return new FeedItem(title, "https://wire.example.com/" + title.toLowerCase(), null, "About " + title, "", Instant.now(),
                null, List.of());
    }
}
