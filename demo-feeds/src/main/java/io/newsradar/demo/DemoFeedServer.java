package io.newsradar.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves demo feeds in Vietnamese, English and French on loopback, {@code /feeds/<lang>.xml}, and their article
 * pages, {@code /articles/<lang>/<n>.html}; publishes a new story every interval, taking the feeds in turn. Also
 * receives webhooks on {@code /webhook} and shows the last ones there ({@link WebhookReceiver}), checking their
 * signatures against the secrets of {@code --webhook-secrets FILE}.
 *
 * <pre>java -jar demo-feeds.jar [--port 8090] [--interval 5s] [--webhook-secrets FILE]</pre>
 */
public final class DemoFeedServer implements AutoCloseable {

    private static final Pattern ARTICLE = Pattern.compile("/articles/([a-z]{2})/(\\d+)\\.html");
    private static final int SEEDED_PER_FEED = 3;

    private final Map<String, DemoFeed> feeds = new LinkedHashMap<>();
    private final HttpServer server;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Clock clock;
    private final WebhookReceiver webhooks;
    private int turn;

    DemoFeedServer(int port, Clock clock) throws IOException {
        this(port, clock, null);
    }

    /**
     * @param webhookSecrets the file of the secrets webhook signatures are checked against; {@code null}: none
     */
    DemoFeedServer(int port, Clock clock, Path webhookSecrets) throws IOException {
        this.clock = clock;
        long edition = clock.instant().getEpochSecond();
        feeds.put("vi", new DemoFeed("vi", "Tin Đối ngoại Địa phương", 11, edition));
        feeds.put("en", new DemoFeed("en", "Mekong Business Wire", 23, edition));
        feeds.put("fr", new DemoFeed("fr", "Actualités Asie", 37, edition));
        Instant start = clock.instant().minus(Duration.ofMinutes(SEEDED_PER_FEED));
        for (int i = 0; i < SEEDED_PER_FEED; i++) {
            Instant at = start.plus(Duration.ofMinutes(i));
            feeds.values().forEach(feed -> feed.publish(at));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        webhooks = new WebhookReceiver(webhookSecrets, clock);
        server.createContext("/", this::handle);
        server.createContext("/webhook", webhooks::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
    }

    public static void main(String[] args) throws IOException {
        int port = 8090;
        Duration interval = Duration.ofSeconds(5);
        Path webhookSecrets = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--interval" -> interval = Duration.parse("PT" + args[i + 1].toUpperCase(Locale.ROOT));
                case "--webhook-secrets" -> webhookSecrets = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --port N, --interval 5s and --webhook-secrets FILE");
            }
        }
        DemoFeedServer demo = new DemoFeedServer(port, Clock.systemUTC(), webhookSecrets);
        demo.start(interval);
        System.out.println("demo feeds on " + demo.baseUrl() + "/feeds/{vi,en,fr}.xml, a new story every " + interval.toSeconds() + " s");
        System.out.println("webhook receiver on " + demo.baseUrl() + "/webhook (POST to deliver, GET to see the last deliveries)");
    }

    void start(Duration interval) {
        server.start();
        ticker.scheduleAtFixedRate(this::publishNext, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes one new story, in the next feed's turn. */
    void publishNext() {
        List<DemoFeed> all = List.copyOf(feeds.values());
        all.get(turn++ % all.size()).publish(clock.instant());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
                DemoFeed feed = feeds.get(path.substring("/feeds/".length(), path.length() - ".xml".length()));
                if (feed != null) {
                    serveFeed(exchange, feed);
                    return;
                }
            }
            Matcher article = ARTICLE.matcher(path);
            if (article.matches() && feeds.containsKey(article.group(1))) {
                DemoFeed feed = feeds.get(article.group(1));
                DemoFeed.Item item = feed.item(Integer.parseInt(article.group(2)));
                if (item != null) {
                    send(exchange, 200, "text/html; charset=utf-8", feed.page(item));
                    return;
                }
            }
            if (path.equals("/")) {
                send(exchange, 200, "text/plain; charset=utf-8", "newsradar demo feeds:\n" + String.join("\n",
                        feeds.keySet().stream().map(lang -> baseUrl() + "/feeds/" + lang + ".xml").toList())
                        + "\nwebhook receiver (the last deliveries): " + baseUrl() + "/webhook\n");
                return;
            }
            send(exchange, 404, "text/plain; charset=utf-8", "no such demo feed or article: " + path + "\n");
        }
    }

    private void serveFeed(HttpExchange exchange, DemoFeed feed) throws IOException {
        String etag = feed.etag();
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(feed.lastModified().atOffset(ZoneOffset.UTC)));
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, "application/rss+xml; charset=utf-8", feed.rss(baseUrl()));
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
