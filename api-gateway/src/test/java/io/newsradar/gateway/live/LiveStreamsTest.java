package io.newsradar.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.ArticleView;
import io.newsradar.gateway.search.KnownCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.LinkedMultiValueMap;
import reactor.test.subscriber.TestSubscriber;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streams of {@link LiveStreams}, fed on the test's thread as the Kafka consumer thread feeds them, read by a
 * subscriber that asks for events only when the test says: whatever the pace, a stream sends every article it was
 * offered or says with a {@code gap} where to resume from, never loses one silently.
 */
class LiveStreamsTest {

    private static final KnownCodes CODES = KnownCodes.load(null);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static final int BUFFER = 8;
    private static final Duration LONG = Duration.ofHours(1);

    private final LiveArticles articles = new LiveArticles("127.0.0.1:9", Duration.ofHours(48), 2000, JSON, CLOCK);
    private final LiveStreams streams = new LiveStreams(articles,
            new MissedArticles(null, articles.recent(), JSON, Duration.ofHours(48), 1000, CLOCK),
            new GatewayProperties.Live(Duration.ofHours(48), LONG, LONG, BUFFER, 1000, 2000, 10, 10), CODES, JSON, CLOCK,
            new SimpleMeterRegistry());
    private int read;

    @AfterEach
    void close() {
        articles.close();
    }

    @Test
    void aStreamThatKeepsUpGetsEveryArticle() {
        // Given a stream whose client reads all it is sent
        TestSubscriber<ServerSentEvent<String>> client = TestSubscriber.builder().initialRequestUnbounded().build();
        streams.open(noFilter(), null, "key").subscribe(client);

        // When ten times its buffer is read from Kafka
        List<String> offered = read(10 * BUFFER);

        // Then it got every article, in order, and is still open
        assertThat(articleIds(client)).containsExactlyElementsOf(offered);
        assertThat(client.isTerminatedOrCancelled()).isFalse();
        client.cancel();
    }

    @Test
    void aStreamThatFallsMoreThanItsBufferBehindSendsWhatItHeldThenAGapAndEnds() {
        // Given a stream whose client has stopped reading
        TestSubscriber<ServerSentEvent<String>> client = TestSubscriber.builder().initialRequest(0).build();
        streams.open(noFilter(), null, "key").subscribe(client);

        // When many more articles than its buffer holds are read meanwhile, then the client reads again
        List<String> offered = read(100);
        client.request(Long.MAX_VALUE);

        // Then it got a first part of them, then a gap at the last one it got, and the stream ended
        assertEveryArticleOrAGapAtTheLastSent(client, offered);
        assertThat(gapOf(client)).isNotNull();
    }

    @Test
    void aStreamResumingWhileMoreArticlesComeThanItsBufferHoldsGetsAGapRatherThanLosingSome() {
        // Given a client that got article 0, then missed 39 more than fit in the first flow of events
        List<String> missed = read(40).subList(1, 40);
        EventPosition last = position(read - 40);
        TestSubscriber<ServerSentEvent<String>> client = TestSubscriber.builder().initialRequest(0).build();
        streams.open(noFilter(), last, "key").subscribe(client);

        // When, while it has not read them yet, more new articles come than its buffer holds, then it reads again
        List<String> live = read(3 * BUFFER);
        client.request(Long.MAX_VALUE);

        // Then it got what it missed and then the new ones, or, past the buffer, a gap to resume from
        List<String> offered = new ArrayList<>(missed);
        offered.addAll(live);
        assertEveryArticleOrAGapAtTheLastSent(client, offered);
        assertThat(articleIds(client)).startsWith(missed.toArray(String[]::new));
    }

    /** Either the stream sent every article, in order, or a first part of them, then a gap at the last one sent, and ended. */
    private static void assertEveryArticleOrAGapAtTheLastSent(TestSubscriber<ServerSentEvent<String>> client, List<String> offered) {
        List<String> sent = articleIds(client);
        ServerSentEvent<String> gap = gapOf(client);
        if (gap == null) {
            assertThat(sent).as("with no gap, every article").containsExactlyElementsOf(offered);
            return;
        }
        assertThat(offered).as("a first part of the articles before the gap").startsWith(sent.toArray(String[]::new));
        List<ServerSentEvent<String>> events = client.getReceivedOnNext();
        assertThat(events.get(events.size() - 1)).as("the gap is the last event").isSameAs(gap);
        assertThat(gap.id()).as("the gap is at the last article sent").endsWith("-" + sent.get(sent.size() - 1));
        assertThat(client.isTerminatedComplete()).as("the stream ends after the gap").isTrue();
    }

    private static ServerSentEvent<String> gapOf(TestSubscriber<ServerSentEvent<String>> client) {
        return client.getReceivedOnNext().stream().filter(e -> StreamSession.GAP.equals(e.event())).findFirst().orElse(null);
    }

    private static List<String> articleIds(TestSubscriber<ServerSentEvent<String>> client) {
        return client.getReceivedOnNext().stream().filter(e -> StreamSession.ARTICLE.equals(e.event()))
                .map(e -> e.id().substring(e.id().indexOf('-') + 1)).toList();
    }

    /** {@code count} more articles read from Kafka, handed to the streams as the consumer thread does; their ids. */
    private List<String> read(int count) {
        List<String> ids = new ArrayList<>(count);
        IntStream.range(read, read + count).forEach(n -> {
            ArticleView view = new ArticleView(id(n), null, "t", "", "s", "f", "en", Instant.EPOCH, null, List.of(), List.of(),
                    List.of(), null, "test");
            articles.emit(new LiveArticle(position(n), view, " t ", "{}", n, -1));
            ids.add(id(n));
        });
        read += count;
        return ids;
    }

    private static EventPosition position(int n) {
        return new EventPosition(CLOCK.millis() + n, id(n));
    }

    private static String id(int n) {
        return "article" + n;
    }

    private static ArticleQuery noFilter() {
        return ArticleQuery.filters(new LinkedMultiValueMap<>(), CODES, Set.of());
    }
}
