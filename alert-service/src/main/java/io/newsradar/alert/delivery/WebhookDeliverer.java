package io.newsradar.alert.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.AlertDelivery;
import io.newsradar.contracts.SavedSearch;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each delivery to its search's webhook: the JSON of {@link WebhookPayload}, signed ({@link Signature}), with
 * its delivery id in {@code X-Newsradar-Delivery}. Redirects are not followed. A failure worth trying again (an I/O
 * error, a timeout, 408, 425, 429, 5xx) is tried again by the {@link RetryPolicy}, honouring {@code Retry-After},
 * with the same delivery id; 410 Gone pauses the search ({@link SearchPauser}); anything else ends the delivery, with a
 * log line saying why. Each receiver (scheme, host and port) has its own {@link Lane}: a slow or failing one holds up
 * only its own deliveries. A webhook with a {@code batch} over 1 or a {@code window} gets its matches together, up to
 * {@code batch} articles a POST, sent when the batch is full or the window (at most {@code maxWindow}) has passed; a
 * spike always goes out on its own, at once.
 */
public final class WebhookDeliverer implements AutoCloseable {

    /** The header of the delivery id. */
    public static final String DELIVERY_HEADER = "X-Newsradar-Delivery";
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final String USER_AGENT = "newsradar-alerts/0.1 (+https://github.com/newsradar/newsradar)";

    private final HttpClient http;
    private final WebhookTargets targets;
    private final RetryPolicy retries;
    private final Duration requestTimeout;
    private final Function<String, SavedSearch> currentSearch;
    private final SearchPauser pauser;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration maxWindow;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final PendingBatches pending = new PendingBatches();
    /**
     * The searches this instance paused, and when: skipped until {@code news.searches} shows them saved again after
     * that (re-enabled by their owner), even before the pause itself has come back through the topic.
     */
    private final Map<String, Instant> paused = new ConcurrentHashMap<>();

    /**
     * @param currentSearch the search of an id as {@code news.searches} holds it now, or {@code null} when removed
     */
    WebhookDeliverer(HttpClient http, WebhookTargets targets, RetryPolicy retries, Duration requestTimeout, Duration maxWindow,
            Function<String, SavedSearch> currentSearch, SearchPauser pauser, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.maxWindow = maxWindow;
        this.http = http;
        this.targets = targets;
        this.retries = retries;
        this.requestTimeout = requestTimeout;
        this.currentSearch = currentSearch;
        this.pauser = pauser;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /** A deliverer with the JDK's HTTP client (never following redirects) and the system resolver. */
    public static WebhookDeliverer create(DeliverySettings settings, Function<String, SavedSearch> currentSearch,
            SearchPauser pauser, JsonMapper json, MeterRegistry meters) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout()).build();
        return new WebhookDeliverer(http, new WebhookTargets(settings.allowPrivateNetworks(), java.net.InetAddress::getAllByName),
                settings.retries(), settings.requestTimeout(), settings.maxWindow(), currentSearch, pauser, json,
                Clock.systemUTC(), meters);
    }

    /**
     * Queues a delivery on its receiver's lane.
     *
     * @return done when the first attempt has ended: with the outcome when it was final, or {@code null} when the
     *         delivery is to be tried again (it then goes on in the lane); {@link #finished} tells the final outcome
     */
    public Attempted deliver(AlertDelivery delivery) {
        Attempted attempted = new Attempted(new CompletableFuture<>(), new CompletableFuture<>());
        SavedSearch search = currentSearch.apply(delivery.search().searchId());
        Bundle alone = Bundle.of(List.of(delivery), List.of(attempted));
        if (!deliverable(search)) {
            finish(alone, DeliveryOutcome.SKIPPED, "search " + delivery.search().searchId()
                    + " is removed, disabled, paused or without a webhook");
            return attempted;
        }
        SavedSearch.Webhook webhook = search.webhook();
        Duration window = webhook.window() == null ? Duration.ZERO
                : webhook.window().compareTo(maxWindow) > 0 ? maxWindow : webhook.window();
        Lane lane = lane(webhook.url());
        if (webhook.batch() == 1 && window.isZero() || AlertDelivery.SPIKE.equals(delivery.kind())) {
            lane.submit(() -> attempt(alone, 1, clock.instant()), Duration.ZERO);
            return attempted;
        }
        String searchId = search.searchId();
        int waiting = pending.add(delivery, attempted);
        if (waiting >= webhook.batch()) {
            Bundle full = pending.take(searchId);
            lane.submit(() -> attempt(full, 1, clock.instant()), Duration.ZERO);
        } else if (waiting == 1) {
            lane.submit(() -> {
                Bundle due = pending.take(searchId);
                if (due != null) {
                    attempt(due, 1, clock.instant());
                }
            }, window);
        }
        return attempted;
    }

    /**
     * A delivery's progress.
     *
     * @param first    done when the first attempt has ended (the outcome, or {@code null} when it will be tried again)
     * @param finished done with the final outcome
     */
    public record Attempted(CompletableFuture<DeliveryOutcome> first, CompletableFuture<DeliveryOutcome> finished) {
    }

    private void attempt(Bundle bundle, int attempt, Instant firstAttempt) {
        SavedSearch search = currentSearch.apply(bundle.searchId());
        if (!deliverable(search)) {
            finish(bundle, DeliveryOutcome.SKIPPED, "search " + bundle.searchId()
                    + " is removed, disabled, paused or without a webhook");
            return;
        }
        String url = search.webhook().url();
        String failure;
        String retryAfter = null;
        try {
            URI target = targets.check(url);
            byte[] body = WebhookPayload.of(bundle.deliveries()).bytes(json);
            HttpRequest request = HttpRequest.newBuilder(target).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(DELIVERY_HEADER, bundle.deliveryId())
                    .header(Signature.HEADER, Signature.of(body, search.webhook().secret()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                finish(bundle, DeliveryOutcome.DELIVERED, "delivered to " + url + " (" + status + ") after "
                        + attempt + (attempt == 1 ? " attempt" : " attempts"));
                return;
            }
            if (status == 410) {
                paused.put(search.searchId(), clock.instant());
                pauser.pause(search, "webhook " + url + " answered 410 Gone");
                meters.counter("newsradar.alert.searches.paused").increment();
                finish(bundle, DeliveryOutcome.PAUSED, "webhook " + url + " answered 410 Gone; search "
                        + search.searchId() + " paused");
                return;
            }
            if (!retryable(status)) {
                finish(bundle, DeliveryOutcome.REJECTED, "webhook " + url + " answered " + status
                        + (status >= 300 && status < 400 ? "; redirects are not followed" : "") + "; not tried again");
                return;
            }
            failure = "webhook " + url + " answered " + status;
            retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        } catch (WebhookTargets.RefusedTargetException e) {
            finish(bundle, DeliveryOutcome.REFUSED, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            // the HTTP client refused the URL itself: trying again cannot help
            finish(bundle, DeliveryOutcome.REFUSED, "webhook " + url + " cannot be posted to: " + e.getMessage());
            return;
        } catch (UnknownHostException e) {
            failure = "webhook " + url + ": host not found (" + e.getMessage() + ")";
        } catch (IOException e) {
            failure = "webhook " + url + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(bundle, DeliveryOutcome.GAVE_UP, "interrupted while delivering to " + url);
            return;
        } catch (RuntimeException e) {
            failure = "webhook " + url + " failed: " + e;
        }
        Duration wait = retries.next(attempt, firstAttempt, clock.instant(), retryAfter, ThreadLocalRandom.current()::nextDouble);
        if (wait == null) {
            finish(bundle, DeliveryOutcome.GAVE_UP, failure + "; given up after " + attempt + " attempts");
            return;
        }
        log.atInfo().addKeyValue("searchId", bundle.searchId()).addKeyValue("deliveryId", bundle.deliveryId())
                .addKeyValue("attempt", attempt).addKeyValue("retryIn", wait).log("{}; trying again in {}", failure, wait);
        meters.counter("newsradar.alert.delivery.retries").increment();
        bundle.progress().forEach(p -> p.first().complete(null));
        lane(url).submit(() -> attempt(bundle, attempt + 1, firstAttempt), wait);
    }

    private boolean deliverable(SavedSearch search) {
        if (search == null || !search.enabled() || search.webhook() == null) {
            return false;
        }
        Instant pausedAt = paused.get(search.searchId());
        if (pausedAt == null) {
            return true;
        }
        if (search.updatedAt() != null && search.updatedAt().isAfter(pausedAt)) {
            paused.remove(search.searchId(), pausedAt);
            return true;
        }
        return false;
    }

    /** 408 Request Timeout, 425 Too Early, 429 Too Many Requests and every 5xx are worth trying again. */
    static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    private void finish(Bundle bundle, DeliveryOutcome outcome, String what) {
        var line = outcome == DeliveryOutcome.DELIVERED || outcome == DeliveryOutcome.SKIPPED ? log.atInfo() : log.atWarn();
        line.addKeyValue("searchId", bundle.searchId()).addKeyValue("deliveryId", bundle.deliveryId())
                .addKeyValue("outcome", outcome.tag()).addKeyValue("articles", bundle.deliveries().size()).log(what);
        Counter.builder("newsradar.alert.deliveries").tag("outcome", outcome.tag())
                .description("Webhook deliveries (matches) by how they ended").register(meters)
                .increment(bundle.deliveries().size());
        for (Attempted attempted : bundle.progress()) {
            attempted.first().complete(outcome);
            attempted.finished().complete(outcome);
        }
    }

    private Lane lane(String url) {
        return lanes.computeIfAbsent(endpoint(url), Lane::new);
    }

    /** scheme://host:port of a URL, lower case; the URL itself when it cannot be read (its check will say why). */
    static String endpoint(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + String.valueOf(uri.getRawAuthority()).toLowerCase(Locale.ROOT).replaceAll(":\\d+$", "") + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return url;
        }
    }

    /** Receivers with a lane of their own, for the metrics and tests. */
    int lanes() {
        return lanes.size();
    }

    @Override
    public void close() {
        lanes.values().forEach(Lane::close);
    }
}
