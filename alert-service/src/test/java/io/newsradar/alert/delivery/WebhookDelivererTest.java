package io.newsradar.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsradar.contracts.AlertDelivery;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.SavedSearch;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Webhooks posted to receivers on this host: redirects, Retry-After, 410, refusals, and a slow receiver beside a fast one. */
class WebhookDelivererTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    private final Map<String, SavedSearch> searches = new ConcurrentHashMap<>();
    private final List<String> paused = new CopyOnWriteArrayList<>();
    /** path and arrival time (epoch millis) of each request. */
    private final List<Map.Entry<String, Long>> requests = new CopyOnWriteArrayList<>();
    /** the bodies and delivery ids the receiver got, in order. */
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> deliveryIds = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private HttpServer server;
    private WebhookDeliverer deliverer;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            deliveryIds.add(exchange.getRequestHeaders().getFirst(WebhookDeliverer.DELIVERY_HEADER));
            long seen = System.currentTimeMillis();
            boolean again = requests.stream().anyMatch(r -> r.getKey().equals(path));
            requests.add(Map.entry(path, seen));
            int status = 200;
            switch (path) {
                case "/moved" -> {
                    exchange.getResponseHeaders().add("Location", "/elsewhere");
                    status = 302;
                }
                case "/busy" -> {
                    if (!again) {
                        exchange.getResponseHeaders().add("Retry-After", "1");
                        status = 429;
                    }
                }
                case "/gone" -> status = 410;
                case "/slow" -> sleep(3000);
                default -> { }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        deliverer = new WebhookDeliverer(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                new WebhookTargets(true, InetAddress::getAllByName),
                new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(1)), Duration.ofSeconds(10),
                Duration.ofSeconds(2), searches::get, (search, reason) -> paused.add(search.searchId()), JsonMapper.builder().build(),
                Clock.systemUTC(), meters);
    }

    @AfterEach
    void stop() {
        deliverer.close();
        server.stop(0);
    }

    @Test
    void doesNotFollowARedirect() throws Exception {
        assertThat(deliver("moved", "http://127.0.0.1:" + port() + "/moved")).isEqualTo(DeliveryOutcome.REJECTED);
        assertThat(requests).extracting(Map.Entry::getKey).containsExactly("/moved");
    }

    @Test
    void waitsAsLongAsRetryAfterAsksThenDelivers() throws Exception {
        assertThat(deliver("busy", "http://127.0.0.1:" + port() + "/busy")).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getValue() - requests.get(0).getValue()).isGreaterThanOrEqualTo(950);
    }

    @Test
    void pausesTheSearchOn410AndSkipsItsNextDeliveries() throws Exception {
        String url = "http://127.0.0.1:" + port() + "/gone";
        assertThat(deliver("gone", url)).isEqualTo(DeliveryOutcome.PAUSED);
        assertThat(paused).containsExactly("gone");
        assertThat(meters.counter("newsradar.alert.searches.paused").count()).isEqualTo(1);

        assertThat(deliver("gone", url)).isEqualTo(DeliveryOutcome.SKIPPED);
        assertThat(requests).hasSize(1);
    }

    @Test
    void resumesAPausedSearchOnceItsOwnerSavesItAgain() throws Exception {
        assertThat(deliver("back", "http://127.0.0.1:" + port() + "/gone")).isEqualTo(DeliveryOutcome.PAUSED);

        // the owner points it at a receiver that is there, later
        searches.put("back", new SavedSearch(1, "back", "search back", "newsroom", Map.of(),
                new SavedSearch.Webhook("http://127.0.0.1:" + port() + "/ok", "secret", 1, null), true, NOW,
                Instant.now().plusSeconds(1)));

        assertThat(deliverer.deliver(delivery("back", "next")).finished().get(10, TimeUnit.SECONDS))
                .isEqualTo(DeliveryOutcome.DELIVERED);
    }

    @Test
    void refusesATargetThePolicyRefusesWithoutSendingAnything() throws Exception {
        assertThat(deliver("meta", "http://169.254.169.254/latest/meta-data")).isEqualTo(DeliveryOutcome.REFUSED);
        assertThat(deliver("number", "http://2130706433:" + port() + "/ok")).isEqualTo(DeliveryOutcome.REFUSED);
        assertThat(requests).isEmpty();
    }

    @Test
    void aSlowReceiverDoesNotHoldUpAnother() throws Exception {
        // Given a receiver that takes 3 s, and another (localhost, a different lane) that answers at once
        save("slow", "http://127.0.0.1:" + port() + "/slow");
        save("fast", "http://localhost:" + port() + "/fast");
        var slow = deliverer.deliver(delivery("slow", "a"));

        // When a delivery to the fast one follows
        long start = System.nanoTime();
        DeliveryOutcome fast = deliverer.deliver(delivery("fast", "b")).finished().get(10, TimeUnit.SECONDS);

        // Then it is delivered while the slow one is still waiting
        assertThat(fast).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(slow.finished()).isNotDone();
        assertThat(slow.finished().get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(deliverer.lanes()).isEqualTo(2);
    }

    @Test
    void sendsTheMatchesOfABatchingSearchTogetherOnceTheBatchIsFull() throws Exception {
        searches.put("batched", new SavedSearch(1, "batched", "search batched", "newsroom", Map.of(),
                new SavedSearch.Webhook("http://127.0.0.1:" + port() + "/ok", "secret", 3, Duration.ofMinutes(10)), true, NOW, NOW));

        var one = deliverer.deliver(delivery("batched", "one"));
        var two = deliverer.deliver(delivery("batched", "two"));
        Thread.sleep(300);
        assertThat(requests).as("waiting for the batch to fill").isEmpty();
        var three = deliverer.deliver(delivery("batched", "three"));

        assertThat(three.finished().get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(one.finished()).isCompletedWithValue(DeliveryOutcome.DELIVERED);
        assertThat(two.finished()).isCompletedWithValue(DeliveryOutcome.DELIVERED);
        assertThat(requests).hasSize(1);
        var body = JsonMapper.builder().build().readTree(bodies.get(0));
        assertThat(body.get("articles")).hasSize(3);
        assertThat(body.get("text").asString()).startsWith("[search batched] 3 articles: <https://example.org/one|A title>");
        assertThat(deliveryIds.get(0)).isNotIn(delivery("batched", "one").deliveryId(), delivery("batched", "three").deliveryId());
    }

    @Test
    void sendsWhatWaitsWhenTheWindowHasPassedAtTheLatestTheLongestWindowAllowed() throws Exception {
        // a window of an hour, shortened to the 2 s this deliverer allows
        searches.put("windowed", new SavedSearch(1, "windowed", "search windowed", "newsroom", Map.of(),
                new SavedSearch.Webhook("http://127.0.0.1:" + port() + "/ok", "secret", 10, Duration.ofHours(1)), true, NOW, NOW));
        long start = System.nanoTime();
        var one = deliverer.deliver(delivery("windowed", "one"));
        var two = deliverer.deliver(delivery("windowed", "two"));

        assertThat(two.finished().get(10, TimeUnit.SECONDS)).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));
        assertThat(one.finished()).isCompletedWithValue(DeliveryOutcome.DELIVERED);
        assertThat(requests).hasSize(1);
        assertThat(JsonMapper.builder().build().readTree(bodies.get(0)).get("articles")).hasSize(2);
    }

    private DeliveryOutcome deliver(String searchId, String url) throws Exception {
        save(searchId, url);
        return deliverer.deliver(delivery(searchId, "article")).finished().get(20, TimeUnit.SECONDS);
    }

    private void save(String searchId, String url) {
        searches.putIfAbsent(searchId, new SavedSearch(1, searchId, "search " + searchId, "newsroom", Map.of(),
                new SavedSearch.Webhook(url, "secret", 1, null), true, NOW, NOW));
    }

    private AlertDelivery delivery(String searchId, String article) {
        String url = "https://example.org/" + article;
        RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, "feed", "Example", "en", "A title", "", "",
                List.of(), NOW, NOW);
        return AlertDelivery.of(searches.get(searchId), ArticleDocument.of(new ClassifiedArticle(1, raw, "test", NOW, "en",
                null, List.of(), List.of(), List.of())), NOW);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
