package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.live.LiveArticles;
import io.newsradar.testsupport.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/stream} against a real Kafka broker and Elasticsearch node: classified articles are produced to
 * {@code news.articles.classified} as classify-service would, and read back as server-sent events. Each test uses
 * its own feed id, so it sees only its own articles.
 */
@RunningGateway
class LiveStreamIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int BUFFER = 32;
    private static KafkaProducer<String, String> producer;

    @Value("${local.server.port}")
    int port;
    @Autowired
    LiveArticles live;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("newsradar.gateway.live.buffer-size", () -> BUFFER);
        registry.add("newsradar.gateway.live.heartbeat", () -> "1s");
        registry.add("newsradar.gateway.live.max-streams-per-key", () -> 3);
        registry.add("newsradar.gateway.live.max-streams", () -> 5);
    }

    @BeforeAll
    static void producer() throws Exception {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
        IndexedArticles.index(List.of());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @BeforeEach
    void gatewayIsReading() throws Exception {
        assertThat(live.awaitReading(WAIT)).as("the gateway reads news.articles.classified").isTrue();
    }

    @Test
    void aPairAndTopicFilterReceivesOnlyMatchingArticles() throws Exception {
        // Given a stream of labour news between Vietnam and Japan, the key in api_key= as a browser's EventSource sends it
        String feed = feed();
        try (SseClient stream = open("?feed=" + feed + "&pair=VN-JP&topic=labour&api_key=" + TestKeys.READER, Map.of())) {
            // When articles of other pairs and topics are classified between two that match
            publish(article(feed, 1).pair("JP", "VN").topic("labour").title("Vietnamese trainees in Gunma").build());
            publish(article(feed, 2).pair("JP", "VN").topic("culture").build());
            publish(article(feed, 3).pair("FR", "VN").topic("labour").build());
            publish(article(feed, 4).pair("JP", "VN").topic("labour").build());

            // Then the stream gets the two that match (articles are on different partitions: in no set order), each as
            // /api/v1/articles/{id} shows it
            List<SseClient.Event> events = List.of(stream.nextEvent(WAIT), stream.nextEvent(WAIT));
            assertThat(events).extracting(LiveStreamIT::idOf).containsExactlyInAnyOrder(id(feed, 1), id(feed, 4));
            SseClient.Event first = events.stream().filter(e -> idOf(e).equals(id(feed, 1))).findFirst().orElseThrow();
            assertThat(first.id()).matches("\\d+-" + id(feed, 1));
            JsonNode data = JSON.readTree(first.data());
            assertThat(data.path("id").stringValue()).isEqualTo(id(feed, 1));
            assertThat(data.path("pair").stringValue()).isEqualTo("JP-VN");
            assertThat(data.path("title").stringValue()).isEqualTo("Vietnamese trainees in Gunma");
            assertThat(data.path("tags").path("topics").get(0).path("topic").stringValue()).isEqualTo("labour");
            assertThat(stream.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void aRegionFilterMatchesMergedProvincesAndQMatchesTheFoldedTitle() throws Exception {
        // Given a stream of Bắc Giang (VN-54, merged into Bắc Ninh, VN-56) and one of "bac giang" in titles
        String feed = feed();
        try (SseClient region = open("?feed=" + feed + "&region=VN-54", key());
             SseClient text = open("?feed=" + feed + "&q=bac%20giang&lang=vi", key())) {
            // When articles tagged Bắc Ninh, Gunma, and one titled "Bắc Giang" (in English) are classified
            publish(article(feed, 1).region("VN-56", "Bắc Ninh").build());
            publish(article(feed, 2).region("JP-10", "Gunma").build());
            publish(article(feed, 3).title("Tỉnh Bắc Giang đón nhà đầu tư Nhật Bản").language("vi").build());
            publish(article(feed, 4).title("Bắc Giang welcomes Japanese investors").language("en").build());
            publish(article(feed, 5).region("VN-54", "Bắc Giang").title("Bac Giang: nha may moi").language("vi").build());

            // Then the region stream gets what is now the same province, the text stream what names it in Vietnamese
            assertThat(ids(region, 2)).containsExactlyInAnyOrder(id(feed, 1), id(feed, 5));
            assertThat(ids(text, 2)).containsExactlyInAnyOrder(id(feed, 3), id(feed, 5));
            assertThat(region.nextEvent(Duration.ofMillis(500))).isNull();
            assertThat(text.nextEvent(Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void resumingFromAPositionNotHeldInMemorySendsTheMissedArticlesFromTheIndexThenLiveOnesWithoutRepeats() throws Exception {
        // Given a client whose last event was an indexed article, and three articles indexed after it
        String feed = feed();
        Instant t = Instant.now().minus(Duration.ofMinutes(30));
        ClassifiedArticle seen = article(feed, 0).classifiedAt(t).build();
        ClassifiedArticle alsoLive = article(feed, 3).classifiedAt(t.plusSeconds(3)).build();
        IndexedArticles.index(List.of(seen, article(feed, 1).classifiedAt(t.plusSeconds(1)).build(),
                article(feed, 2).classifiedAt(t.plusSeconds(2)).build(), alsoLive,
                article(feed, 9).classifiedAt(t.minusSeconds(1)).build()));
        String lastEventId = t.toEpochMilli() + "-" + id(feed, 0);

        // When it reconnects with Last-Event-ID, and meanwhile the third comes from Kafka too, then a new one
        try (SseClient stream = open("?feed=" + feed, key(Map.of("Last-Event-ID", lastEventId)))) {
            List<String> missed = ids(stream, 3);
            publish(alsoLive);
            publish(article(feed, 4).build());

            // Then it gets the three it missed, oldest first, then only the new one
            assertThat(missed).containsExactly(id(feed, 1), id(feed, 2), id(feed, 3));
            assertThat(ids(stream, 1)).containsExactly(id(feed, 4));
            assertThat(stream.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void resumingFromARecentArticleSendsWhatCameAfterItEvenBeforeItIsIndexed() throws Exception {
        // Given a client that got one article live, then lost its connection
        String feed = feed();
        String lastEventId;
        try (SseClient stream = open("?feed=" + feed, key())) {
            publish(article(feed, 1).build());
            lastEventId = stream.nextEvent(WAIT).id();
        }
        // When two more are classified (one delivered twice), not indexed yet, and it reconnects with Last-Event-ID
        ClassifiedArticle third = article(feed, 3).build();
        publish(article(feed, 2).build());
        publish(third);
        publish(third);
        awaitRead(feed, 3);
        try (SseClient stream = open("?feed=" + feed + "&lastEventId=" + lastEventId, key())) {
            List<String> missed = ids(stream, 2);
            publish(article(feed, 4).build());

            // Then it gets the two it missed once each, from this gateway's memory (in the order it read them from their
            // partitions), then the live flow
            assertThat(missed).containsExactlyInAnyOrder(id(feed, 2), id(feed, 3));
            assertThat(ids(stream, 1)).containsExactly(id(feed, 4));
            assertThat(stream.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void aClientThatStopsReadingGetsAGapWhileAFastOneGetsEverything() throws Exception {
        // Given a client that reads everything and one that stops reading (a small socket buffer, never read)
        String feed = feed();
        // 14 MB in all: more than the socket buffers (4 MB here) and the server's write pipeline (some 160 events) and the
        // stream's own buffer hold together
        int count = 600;
        String bigLead = "x".repeat(24 * 1024);
        double gapsBefore = meters.counter("newsradar.gateway.stream.gaps", "reason", "slow").count();
        try (SseClient fast = open("?feed=" + feed, key()); SseClient slow = SseClient.open(port, "/api/v1/stream?feed=" + feed,
                key(), 4096)) {
            CompletableFuture<List<SseClient.Event>> fastEvents = CompletableFuture.supplyAsync(() -> events(fast, count));

            // When many large articles are classified
            for (int i = 0; i < count; i++) {
                publish(article(feed, i).lead(bigLead).build());
                Thread.sleep(2);
            }

            // Then the fast one gets every article and no gap
            List<SseClient.Event> all = fastEvents.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(all).extracting(SseClient.Event::event).containsOnly("article");
            assertThat(all).extracting(LiveStreamIT::idOf).doesNotHaveDuplicates().hasSize(count);

            // and the slow one, reading at last, gets what was written to it, then a gap telling where to resume, then the end
            List<SseClient.Event> got = new ArrayList<>();
            for (SseClient.Event e = slow.nextEvent(WAIT); e != null; e = slow.nextEvent(WAIT)) {
                got.add(e);
            }
            SseClient.Event gap = got.get(got.size() - 1);
            assertThat(gap.event()).as("the last of %d events the slow client read", got.size()).isEqualTo("gap");
            assertThat(gap.event()).isEqualTo("gap");
            List<String> before = got.subList(0, got.size() - 1).stream().map(LiveStreamIT::idOf).toList();
            assertThat(before).hasSizeLessThan(count);
            JsonNode notice = JSON.readTree(gap.data());
            assertThat(notice.path("reason").stringValue()).isEqualTo("slow");
            assertThat(notice.path("detail").stringValue()).contains("reconnect with Last-Event-ID");
            if (!before.isEmpty()) {
                assertThat(gap.id()).endsWith(before.get(before.size() - 1));
            }
            assertThat(meters.counter("newsradar.gateway.stream.gaps", "reason", "slow").count()).isGreaterThan(gapsBefore);

            // and resuming from the gap's id brings the rest, none twice
            try (SseClient resumed = open("?feed=" + feed, key(Map.of("Last-Event-ID", gap.id())))) {
                List<String> rest = ids(resumed, count - before.size());
                List<String> together = new ArrayList<>(before);
                together.addAll(rest);
                assertThat(together).doesNotHaveDuplicates().hasSize(count);
            }
        }
    }

    @Test
    void articlesPublishedBeforeTheHorizonAreNotPushed() throws Exception {
        // Given a stream
        String feed = feed();
        try (SseClient stream = open("?feed=" + feed, key())) {
            // When a backfilled article published three days ago is classified, then a fresh one
            publish(article(feed, 1).published(Instant.now().minus(Duration.ofDays(3))).build());
            publish(article(feed, 2).build());

            // Then only the fresh one is pushed
            assertThat(ids(stream, 1)).containsExactly(id(feed, 2));
            assertThat(stream.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void streamsPastTheCapsAreRefusedWithAProblem() throws Exception {
        // Given no stream open, and caps of 3 streams per key and 5 in all
        awaitNoStreamOpen();
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(open("", key()));
            }
            // When the key opens a fourth
            try (SseClient fourth = open("", key())) {
                // Then it is refused: too many for the key
                assertThat(fourth.status()).isEqualTo(429);
                assertThat(fourth.header("Content-Type")).startsWith("application/problem+json");
                assertThat(fourth.header("Retry-After")).isEqualTo("5");
                assertThat(JSON.readTree(fourth.body()).path("detail").stringValue()).contains("max-streams-per-key");
            }
            // When other keys fill the gateway
            Map<String, String> admin = Map.of("X-Api-Key", TestKeys.ADMIN);
            open.add(open("", admin));
            open.add(open("", admin));
            try (SseClient sixth = open("", admin)) {
                // Then it is refused: too many in all
                assertThat(sixth.status()).isEqualTo(503);
                assertThat(JSON.readTree(sixth.body()).path("detail").stringValue()).contains("newsradar.gateway.live.max-streams");
            }
            assertThat(meters.get("newsradar.gateway.streams.open").gauge().value()).isEqualTo(5);
        } finally {
            for (SseClient c : open) {
                c.close();
            }
        }
    }

    @Test
    void aQuietStreamGetsHeartbeatComments() throws Exception {
        // Given a stream whose filter nothing matches
        try (SseClient stream = open("?feed=" + feed(), key())) {
            // When nothing is classified for a while, then it gets comment lines (every second here)
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.next(WAIT).comment()).isEqualTo("newsradar live stream");
            assertThat(stream.next(Duration.ofSeconds(3)).comment()).isEqualTo("heartbeat");
            assertThat(stream.next(Duration.ofSeconds(3)).comment()).isEqualTo("heartbeat");
        }
    }

    @Test
    void aLastEventIdThisStreamDidNotSendIsABadRequest() throws Exception {
        try (SseClient stream = open("", key(Map.of("Last-Event-ID", "yesterday")))) {
            assertThat(stream.status()).isEqualTo(400);
            JsonNode problem = JSON.readTree(stream.body());
            assertThat(problem.path("parameter").stringValue()).isEqualTo("Last-Event-ID");
        }
        try (SseClient stream = open("?size=5", key())) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(JSON.readTree(stream.body()).path("parameter").stringValue()).isEqualTo("size");
        }
    }

    // --- helpers ---

    private SseClient open(String query, Map<String, String> headers) throws Exception {
        return SseClient.open(port, "/api/v1/stream" + query, headers, 0);
    }

    private static Map<String, String> key() {
        return Map.of("X-Api-Key", TestKeys.READER);
    }

    private static Map<String, String> key(Map<String, String> more) {
        Map<String, String> headers = new java.util.HashMap<>(more);
        headers.put("X-Api-Key", TestKeys.READER);
        return headers;
    }

    private static String feed() {
        return "live" + Long.toString(System.nanoTime(), 36);
    }

    private static String id(String feed, int i) {
        return ArticleId.ofUrl("https://example.org/" + feed + "/" + i);
    }

    private static String idOf(SseClient.Event event) {
        assertThat(event).as("an article event").isNotNull();
        assertThat(event.event()).isEqualTo("article");
        return event.id().substring(event.id().indexOf('-') + 1);
    }

    private static List<String> ids(SseClient stream, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(idOf(stream.nextEvent(WAIT)));
        }
        return ids;
    }

    private static List<SseClient.Event> events(SseClient stream, int n) {
        try {
            List<SseClient.Event> events = new ArrayList<>();
            while (events.size() < n) {
                SseClient.Event e = stream.nextEvent(WAIT);
                if (e == null) {
                    break;
                }
                events.add(e);
            }
            return events;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitNoStreamOpen() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (meters.get("newsradar.gateway.streams.open").gauge().value() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Waits until this gateway has read the article, so a stream opened next finds it among the recent ones. */
    private void awaitRead(String feed, int i) throws Exception {
        try (SseClient probe = open("?feed=" + feed + "&lastEventId=0-AAAAAAAAAAAAAAAAAAAAAA", key())) {
            for (SseClient.Event e = probe.nextEvent(WAIT); e != null; e = probe.nextEvent(WAIT)) {
                if (idOf(e).equals(id(feed, i))) {
                    return;
                }
            }
        }
    }

    private static void publish(ClassifiedArticle article) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, article.articleId(), JSON.writeValueAsString(article))).get();
    }

    private static Article article(String feed, int i) {
        return new Article(feed, i);
    }

    /** A classified article of a test feed, published a minute ago and classified now unless told otherwise. */
    private static final class Article {
        private final String feed;
        private final int i;
        private String title;
        private String lead = "";
        private String language = "en";
        private Instant published = Instant.now().minusSeconds(60);
        private Instant classifiedAt = Instant.now();
        private PairTag pair = PairTag.of("JP", "VN", 0.8);
        private List<RegionTag> regions = List.of();
        private String topic = "labour";

        Article(String feed, int i) {
            this.feed = feed;
            this.i = i;
            this.title = "Story " + i;
        }

        Article title(String value) {
            title = value;
            return this;
        }

        Article lead(String value) {
            lead = value;
            return this;
        }

        Article language(String value) {
            language = value;
            return this;
        }

        Article published(Instant value) {
            published = value;
            return this;
        }

        Article classifiedAt(Instant value) {
            classifiedAt = value;
            return this;
        }

        Article pair(String a, String b) {
            pair = PairTag.of(a, b, 0.8);
            return this;
        }

        Article region(String code, String name) {
            regions = List.of(new RegionTag(code, code.substring(0, 2), name, code.equals("VN-54") ? "VN-56" : code, 0.7, List.of()));
            return this;
        }

        Article topic(String value) {
            topic = value;
            return this;
        }

        ClassifiedArticle build() {
            RawArticle raw = new RawArticle(1, id(feed, i), "https://example.org/" + feed + "/" + i, null, feed, "NHK World", language,
                    title, lead, "", List.of(), published, published.plusSeconds(30));
            List<CountryTag> countries = pair.countries().stream().map(c -> new CountryTag(c, 0.8, List.of())).toList();
            return new ClassifiedArticle(1, raw, "test", classifiedAt, language, pair, countries, regions,
                    List.of(new TopicTag(topic, 0.6, List.of())));
        }
    }
}
