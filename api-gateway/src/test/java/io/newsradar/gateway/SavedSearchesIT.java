package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.Topics;
import io.newsradar.contracts.TopicTag;
import io.newsradar.gateway.live.LiveArticles;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.testsupport.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saved searches against a real Kafka broker and Elasticsearch: what is written to news.searches and read back, the
 * secret shown once, each key seeing only its own searches (an admin all), the refusals, and a search's own Atom and
 * RSS feeds and live stream.
 */
@RunningGateway
class SavedSearchesIT {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String FEED = "s" + RUN;
    private static final String OTHER_READER = "other-reader-key";
    private static final Instant PUBLISHED = Instant.parse("2026-11-25T06:00:00Z");

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper WIRE = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    LiveArticles live;

    /** The test keys and a second reader key, "other-reader". */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestKeys.register(registry);
        registry.add("newsradar.gateway.api-keys[2].name", () -> "other-reader");
        registry.add("newsradar.gateway.api-keys[2].sha256", () -> ApiKeys.sha256(OTHER_READER));
        registry.add("newsradar.gateway.api-keys[2].role", () -> "reader");
    }

    @BeforeAll
    static void indexArticles() throws Exception {
        IndexedArticles.index(List.of(
                article(1, "Bac Giang factories hire for the new year", "VN-54", "Bắc Giang"),
                article(2, "Gunma farms look for seasonal workers", "JP-10", "Gunma"),
                article(3, "Bac Giang opens a training centre for workers going abroad", "VN-54", "Bắc Giang")));
    }

    @Test
    void aSearchIsCreatedReadListedReplacedAndDeletedAndItsSecretIsShownOnlyWhenMade() {
        // Given a reader, when they save a search with a webhook
        AtomicReference<String> id = new AtomicReference<>();
        AtomicReference<String> secret = new AtomicReference<>();
        reader().post().uri("/api/v1/searches").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(search("Bac Giang " + RUN, "https://hooks.example.org/in", ""))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/v1/searches/"))
                .expectBody()
                .jsonPath("$.searchId").value(String.class, id::set)
                .jsonPath("$.owner").isEqualTo("test-reader")
                .jsonPath("$.query.region[0]").isEqualTo("VN-54")
                .jsonPath("$.webhook.batch").isEqualTo(3)
                .jsonPath("$.webhook.window").isEqualTo("PT1M")
                .jsonPath("$.links.atom").value(String.class, atom -> assertThat(atom).endsWith("/feed.atom"))
                .jsonPath("$.webhook.secret").value(String.class, secret::set);
        // Then the secret is 32 random bytes, URL-safe base64, and no later answer shows it
        assertThat(Base64.getUrlDecoder().decode(secret.get())).hasSize(32);
        reader().get().uri("/api/v1/searches/" + id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Bac Giang " + RUN)
                .jsonPath("$.webhook.url").isEqualTo("https://hooks.example.org/in")
                .jsonPath("$.webhook.secret").isEmpty();
        reader().get().uri("/api/v1/searches").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.searches[?(@.searchId == '%s')].name".formatted(id)).isEqualTo("Bac Giang " + RUN)
                .jsonPath("$.searches[*].webhook.secret").value(List.class, secrets -> assertThat(secrets).containsOnlyNulls());
        // And it is on news.searches in the wire format, with its secret for alert-service
        List<ConsumerRecord<String, String>> records = FeedTopics.records(Topics.SEARCHES, id.get());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).contains("\"owner\":\"test-reader\"", "\"query\":{\"region\":[\"VN-54\"],\"feed\":[\"" + FEED + "\"]}",
                "\"secret\":\"" + secret + "\"", "\"enabled\":true");

        // When it is replaced without asking for a new secret, then the secret is kept and not shown
        reader().put().uri("/api/v1/searches/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(search("Renamed " + RUN, "https://hooks.example.org/moved", ""))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.webhook.secret").isEmpty().jsonPath("$.webhook.url").isEqualTo("https://hooks.example.org/moved");
        assertThat(FeedTopics.records(Topics.SEARCHES, id.get()).get(1).value()).contains("\"secret\":\"" + secret + "\"", "Renamed " + RUN);
        // When it asks rotateSecret, then a new secret is shown, once
        AtomicReference<String> rotated = new AtomicReference<>();
        reader().put().uri("/api/v1/searches/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(search("Renamed " + RUN, "https://hooks.example.org/moved", ", \"rotateSecret\": true"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.webhook.secret").value(String.class, rotated::set);
        assertThat(rotated.get()).isNotEqualTo(secret.get());
        assertThat(Base64.getUrlDecoder().decode(rotated.get())).hasSize(32);
        reader().get().uri("/api/v1/searches/" + id).exchange().expectBody().jsonPath("$.webhook.secret").isEmpty();

        // When it is deleted, then it is gone, a tombstone on the topic, and deleting it again is a 404
        reader().delete().uri("/api/v1/searches/" + id).exchange().expectStatus().isNoContent();
        reader().get().uri("/api/v1/searches/" + id).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("No such saved search");
        reader().delete().uri("/api/v1/searches/" + id).exchange().expectStatus().isNotFound();
        assertThat(FeedTopics.records(Topics.SEARCHES, id.get())).last().satisfies(tombstone -> assertThat(tombstone.value()).isNull());
    }

    @Test
    void anotherKeysSearchIsAbsentToAReaderAndAnAdminSeesAndChangesEvery() {
        String id = create(reader(), search("Owned by test-reader " + RUN, "https://hooks.example.org/a", ""));
        String body = search("Taken over", "https://hooks.example.org/b", "");

        // When another reader key asks for it, changes or deletes it, then it is a 404 as if absent
        other().get().uri("/api/v1/searches/" + id).exchange().expectStatus().isNotFound();
        other().put().uri("/api/v1/searches/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isNotFound();
        other().delete().uri("/api/v1/searches/" + id).exchange().expectStatus().isNotFound();
        other().get().uri("/api/v1/searches/" + id + "/feed.atom").exchange().expectStatus().isNotFound();
        other().get().uri("/api/v1/searches/" + id + "/stream").exchange().expectStatus().isNotFound();
        other().get().uri("/api/v1/searches").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.searches[?(@.searchId == '%s')]".formatted(id)).doesNotExist();
        // And its own search is not the first reader's to see
        String others = create(other(), search("Owned by other-reader " + RUN, "https://hooks.example.org/c", ""));
        reader().get().uri("/api/v1/searches/" + others).exchange().expectStatus().isNotFound();
        reader().get().uri("/api/v1/searches").exchange()
                .expectBody().jsonPath("$.searches[*].owner").value(List.class, owners -> assertThat(owners).containsOnly("test-reader"));

        // When an admin lists, then both are there; when the admin changes one, then its owner stays
        admin().get().uri("/api/v1/searches").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.searches[?(@.searchId == '%s')].owner".formatted(id)).isEqualTo("test-reader")
                .jsonPath("$.searches[?(@.searchId == '%s')].owner".formatted(others)).isEqualTo("other-reader");
        admin().put().uri("/api/v1/searches/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.owner").isEqualTo("test-reader").jsonPath("$.name").isEqualTo("Taken over");
        reader().get().uri("/api/v1/searches/" + id).exchange().expectBody().jsonPath("$.name").isEqualTo("Taken over");
        admin().delete().uri("/api/v1/searches/" + others).exchange().expectStatus().isNoContent();
        other().get().uri("/api/v1/searches/" + others).exchange().expectStatus().isNotFound();
    }

    @Test
    void aReaderKeyStillCannotChangeTheFeedRegistryAndNoKeyReachesTheSearches() {
        String feed = "{\"feedId\": \"" + RUN + "-guarded\", \"url\": \"https://example.vn/g.rss\"}";
        reader().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(feed).exchange().expectStatus().isForbidden();
        reader().put().uri("/api/v1/feeds/" + RUN + "-guarded").contentType(MediaType.APPLICATION_JSON).bodyValue(feed).exchange()
                .expectStatus().isForbidden();
        reader().delete().uri("/api/v1/feeds/" + RUN + "-guarded").exchange().expectStatus().isForbidden();
        reader().post().uri("/api/v1/searches/" + RUN).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();
        anonymous().post().uri("/api/v1/searches").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(search("No key", "https://hooks.example.org/n", "")).exchange().expectStatus().isUnauthorized();
        anonymous().get().uri("/api/v1/searches").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aBadSearchIsA400NamingItsFieldAndAnOversizedOneA413() {
        reader().post().uri("/api/v1/searches").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Nowhere\", \"query\": {\"region\": [\"VN-99\"]}}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo("query.region")
                .jsonPath("$.value").isEqualTo("VN-99")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).startsWith("query.region: region 'VN-99'"));
        reader().post().uri("/api/v1/searches").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Relative\", \"query\": {}, \"webhook\": {\"url\": \"/hooks\"}}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("webhook.url");
        reader().post().uri("/api/v1/searches").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Extra\", \"query\": {}, \"owner\": \"test-admin\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("owner");
        reader().post().uri("/api/v1/searches").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + "x".repeat(20_000) + "\", \"query\": {}}").exchange()
                .expectStatus().isEqualTo(413);
        String id = create(reader(), search("Feed parameters " + RUN, "https://hooks.example.org/p", ""));
        reader().get().uri("/api/v1/searches/" + id + "/feed.atom?region=JP-10").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("region");
        reader().get().uri("/api/v1/searches/" + id + "/stream?topic=labour").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("topic");
    }

    @Test
    void aSearchsAtomAndRssFeedsListOnlyTheArticlesItsFiltersChoose() {
        String id = create(reader(), "{\"name\": \"Bac Giang only " + RUN + "\", \"query\": {\"region\": [\"VN-54\"], \"feed\": [\"" + FEED + "\"]}}");

        reader().get().uri("/api/v1/searches/" + id + "/feed.atom").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
                .expectBody(String.class).value(atom -> assertThat(atom)
                        .contains("<title>newsradar: Bac Giang only " + RUN + "</title>")
                        .contains("Bac Giang factories hire for the new year", "Bac Giang opens a training centre for workers going abroad")
                        .doesNotContain("Gunma farms look for seasonal workers")
                        .contains("href=\"http://127.0.0.1:" + port + "/api/v1/searches/" + id + "/feed.atom\""));
        reader().get().uri("/api/v1/searches/" + id + "/feed.rss?size=1").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(rss -> assertThat(rss)
                        .contains("Bac Giang opens a training centre for workers going abroad")
                        .doesNotContain("Bac Giang factories hire for the new year", "Gunma farms")
                        .contains("rel=\"next\"", "/api/v1/searches/" + id + "/feed.rss?size=1&amp;cursor="));
    }

    @Test
    void aSearchsStreamPushesOnlyTheArticlesItsFiltersChoose() throws Exception {
        assertThat(live.awaitReading(WAIT)).as("the gateway reads news.articles.classified").isTrue();
        String feed = "l" + RUN;
        String id = create(reader(), "{\"name\": \"Live " + RUN + "\", \"query\": {\"region\": [\"VN-54\"], \"feed\": [\"" + feed + "\"]}}");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
             SseClient stream = SseClient.open(port, "/api/v1/searches/" + id + "/stream", Map.of("X-Api-Key", TestKeys.READER), 0)) {
            // When an article of Gunma and then one of Bac Giang are classified
            Instant now = Instant.now();
            for (ClassifiedArticle article : List.of(article(feed, 1, "Gunma hires", "JP-10", "Gunma", now),
                    article(feed, 2, "Bac Giang hires", "VN-54", "Bắc Giang", now))) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, article.articleId(), WIRE.writeValueAsString(article))).get();
            }
            // Then the search's stream gets the one its filters choose, and only it
            SseClient.Event event = stream.nextEvent(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.event()).isEqualTo("article");
            assertThat(event.id()).endsWith("-" + ArticleId.ofUrl("https://example.org/" + feed + "/2"));
            assertThat(stream.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }

    private static String search(String name, String url, String more) {
        return "{\"name\": \"" + name + "\", \"query\": {\"region\": [\"VN-54\"], \"feed\": [\"" + FEED + "\"]},"
                + " \"webhook\": {\"url\": \"" + url + "\", \"batch\": 3, \"window\": \"PT1M\"}" + more + "}";
    }

    private static String create(WebTestClient client, String body) {
        AtomicReference<String> id = new AtomicReference<>();
        client.post().uri("/api/v1/searches").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.searchId").value(String.class, id::set);
        return id.get();
    }

    private static ClassifiedArticle article(int i, String title, String region, String regionName) {
        return article(FEED, i, title, region, regionName, PUBLISHED.plusSeconds(60L * i));
    }

    private static ClassifiedArticle article(String feed, int i, String title, String region, String regionName, Instant published) {
        String url = "https://example.org/" + feed + "/" + i;
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, feed, "Test News", "en", title, "", "", List.of(),
                published, published.plusSeconds(60));
        String country = region.substring(0, 2);
        return new ClassifiedArticle(1, raw, "test", published.plusSeconds(61), "en", PairTag.of("JP", "VN", 0.8),
                List.of(new CountryTag(country, 0.8, List.of())), List.of(new RegionTag(region, country, regionName, region, 0.7, List.of())),
                List.of(new TopicTag("labour", 0.6, List.of())));
    }

    private WebTestClient anonymous() {
        return GatewayClients.anonymous(port);
    }

    private WebTestClient reader() {
        return GatewayClients.reader(port);
    }

    private WebTestClient other() {
        return anonymous().mutate().defaultHeader("X-Api-Key", OTHER_READER).build();
    }

    private WebTestClient admin() {
        return GatewayClients.admin(port);
    }
}
