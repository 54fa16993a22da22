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
 * handed the article to Kafka ({@code "title":"<mark><nanoTime>:…"}) and keep the delay until they read it. Like the
 * newsroom page, a client whose stream ends (after a {@code gap}: it fell behind) reconnects at once with
 * {@code Last-Event-ID} and reads on from there; the gaps are counted.
 */
final class LiveClients {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String marker;
    private final long[] latencyNanos;
    private final AtomicInteger deliveries = new AtomicInteger();
    private final AtomicInteger gaps = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicIntegerArray perClient;
    private final CountDownLatch opened;
    private volatile boolean closing;

    private LiveClients(String mark, int capacity, int clients) {
        this.marker = "\"title\":\"" + mark;
        this.latencyNanos = new long[capacity];
        this.opened = new CountDownLatch(clients);
        this.perClient = new java.util.concurrent.atomic.AtomicIntegerArray(clients);
    }

    /** Opens {@code clients} streams on the gateway at {@code port} and waits until each has its 200. */
    static LiveClients open(int port, String apiKey, int clients, String mark, int capacity) throws InterruptedException {
        LiveClients live = new LiveClients(mark, capacity, clients);
        URI stream = URI.create("http://127.0.0.1:" + port + "/api/v1/stream?api_key=" + apiKey);
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread reader = new Thread(() -> live.read(stream, client), "sse-client-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        if (!live.opened.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live streams did not open within 60 s");
        }
        return live;
    }

    private void read(URI stream, int client) {
        String[] lastEventId = {null};
        boolean first = true;
        while (!closing) {
            HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream");
            if (lastEventId[0] != null) {
                request.header("Last-Event-ID", lastEventId[0]);
            }
            try {
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET /api/v1/stream answered " + response.statusCode());
                }
                connections.incrementAndGet();
                if (first) {
                    opened.countDown();
                    first = false;
                }
                response.body().forEach(line -> line(line, lastEventId, client));
            } catch (IOException | UncheckedIOException e) {
                if (!closing) {
                    throw new IllegalStateException("a live stream failed", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void line(String line, String[] lastEventId, int client) {
        if (line.startsWith("id:")) {
            lastEventId[0] = line.substring(3).strip();
            return;
        }
        if (line.startsWith("event:") && line.substring(6).strip().equals("gap")) {
            gaps.incrementAndGet();
            return;
        }
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
        perClient.incrementAndGet(client);
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

    /** Deliveries per client, and connections opened in all (one per client, plus one per resume). */
    String perClient() {
        return perClient + ", " + connections.get() + " connections";
    }

    /** Gaps the gateway sent: a client fell behind, its stream ended, and it resumed. */
    int gaps() {
        return gaps.get();
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
