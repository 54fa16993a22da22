package io.newsradar.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A few {@code GET /api/v1/stream} clients, a thread each, that find in every event's title the moment the bench
 * handed the article to Kafka ({@code "title":"<mark><nanoTime>:…"}) and keep the delay until they read it.
 */
final class LiveClients {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String marker;
    private final long[] latencyNanos;
    private final AtomicInteger deliveries = new AtomicInteger();
    private final CountDownLatch opened;
    private volatile boolean closing;

    private LiveClients(String mark, int capacity, int clients) {
        this.marker = "\"title\":\"" + mark;
        this.latencyNanos = new long[capacity];
        this.opened = new CountDownLatch(clients);
    }

    /** Opens {@code clients} streams on the gateway at {@code port} and waits until each has its 200. */
    static LiveClients open(int port, String apiKey, int clients, String mark, int capacity) throws InterruptedException {
        LiveClients live = new LiveClients(mark, capacity, clients);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stream?api_key=" + apiKey))
                .header("Accept", "text/event-stream").build();
        for (int i = 0; i < clients; i++) {
            Thread reader = new Thread(() -> live.read(request), "sse-client-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        if (!live.opened.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live streams did not open within 60 s");
        }
        return live;
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/stream answered " + response.statusCode());
            }
            opened.countDown();
            response.body().forEach(this::line);
        } catch (IOException | UncheckedIOException e) {
            if (!closing) {
                throw new IllegalStateException("a live stream failed", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void line(String line) {
        long now = System.nanoTime();
        int at = line.startsWith("data:") ? line.indexOf(marker) : -1;
        if (at < 0) {
            return;
        }
        int start = at + marker.length();
        int end = start;
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        int slot = deliveries.getAndIncrement();
        if (slot < latencyNanos.length) {
            latencyNanos[slot] = now - Long.parseLong(line.substring(start, end));
        }
    }

    /** From now on a stream that ends is the gateway shutting down, not a failure. */
    void closing() {
        closing = true;
    }

    int deliveries() {
        return deliveries.get();
    }

    /** Delays in milliseconds, sorted. */
    long[] sortedMillis() {
        long[] out = Arrays.copyOf(latencyNanos, Math.min(deliveries.get(), latencyNanos.length));
        for (int i = 0; i < out.length; i++) {
            out[i] /= 1_000_000;
        }
        Arrays.sort(out);
        return out;
    }
}
