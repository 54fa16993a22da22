package io.newsradar.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local stack's webhook receiver, so that a newcomer sees alert-service deliver: keeps the last deliveries POSTed
 * to {@code /webhook}, checks each one's {@code X-Newsradar-Signature-256} (HMAC-SHA256 of the raw body) against the
 * secrets listed in a file, one a line, and shows them, newest first, on {@code GET /webhook}.
 *
 * <p>The secrets file is read at each delivery: {@code ./newsradar up} writes it once the gateway has given the demo
 * saved search its secret, which may be after the first deliveries were made.
 */
final class WebhookReceiver {

    /** How many deliveries the page shows. */
    static final int KEPT = 20;
    /** The largest body accepted; a larger one is answered 413 and not kept. */
    static final int MAX_BODY = 1024 * 1024;
    private static final int SHOWN_BODY = 1500;

    /** What the signature check found. */
    enum Verdict {
        VERIFIED("verified"),
        MISMATCH("DOES NOT MATCH any known secret"),
        UNSIGNED("missing (no X-Newsradar-Signature-256 header)"),
        NO_SECRET("not checked: no secret known yet");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** One delivery as received. */
    record Delivery(Instant receivedAt, String deliveryId, String signature, Verdict verdict, String body) {
    }

    private final Path secrets;
    private final Clock clock;
    private final Deque<Delivery> recent = new ArrayDeque<>();
    private long received;

    /**
     * @param secrets the file of secrets, one a line; {@code null} or absent: signatures are not checked
     */
    WebhookReceiver(Path secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Serves {@code /webhook}: POST records a delivery (204), GET shows the page, anything else is 405. */
    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> {
                    byte[] body = readAtMost(exchange.getRequestBody());
                    if (body == null) {
                        DemoFeedServer.send(exchange, 413, "text/plain; charset=utf-8",
                                "webhook body larger than " + MAX_BODY + " bytes\n");
                        return;
                    }
                    receive(exchange.getRequestHeaders().getFirst("X-Newsradar-Delivery"),
                            exchange.getRequestHeaders().getFirst("X-Newsradar-Signature-256"), body);
                    exchange.sendResponseHeaders(204, -1);
                }
                case "GET" -> DemoFeedServer.send(exchange, 200, "text/plain; charset=utf-8", page());
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, POST");
                    DemoFeedServer.send(exchange, 405, "text/plain; charset=utf-8", "use POST to deliver, GET to look\n");
                }
            }
        }
    }

    /** Records one delivery and checks its signature. */
    Delivery receive(String deliveryId, String signature, byte[] body) {
        Delivery delivery = new Delivery(clock.instant(), deliveryId, signature, verdict(signature, body),
                new String(body, StandardCharsets.UTF_8));
        synchronized (recent) {
            received++;
            recent.addFirst(delivery);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        return delivery;
    }

    /** The deliveries kept, newest first. */
    List<Delivery> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** The page: how many deliveries came, then the last ones, newest first, with their id, signature and body. */
    String page() {
        List<Delivery> shown;
        long count;
        synchronized (recent) {
            shown = new ArrayList<>(recent);
            count = received;
        }
        StringBuilder page = new StringBuilder("newsradar demo webhook receiver: ").append(count)
                .append(count == 1 ? " delivery" : " deliveries").append(" received");
        if (shown.isEmpty()) {
            return page.append(".\nalert-service POSTs the demo saved search's matches here; they show within a minute.\n")
                    .toString();
        }
        page.append("; the last ").append(shown.size()).append(", newest first:\n");
        for (Delivery delivery : shown) {
            page.append("\n").append(delivery.receivedAt())
                    .append("\n  X-Newsradar-Delivery  ").append(delivery.deliveryId() == null ? "(none)" : delivery.deliveryId())
                    .append("\n  signature             ").append(delivery.verdict().text)
                    .append("\n  body (").append(delivery.body().length()).append(" characters)  ")
                    .append(delivery.body().length() > SHOWN_BODY ? delivery.body().substring(0, SHOWN_BODY) + "…" : delivery.body())
                    .append("\n");
        }
        return page.toString();
    }

    private Verdict verdict(String signature, byte[] body) {
        if (signature == null || signature.isBlank()) {
            return Verdict.UNSIGNED;
        }
        List<String> known = secrets();
        if (known.isEmpty()) {
            return Verdict.NO_SECRET;
        }
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        for (String secret : known) {
            byte[] expected = ("sha256=" + hmac(secret, body)).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                return Verdict.VERIFIED;
            }
        }
        return Verdict.MISMATCH;
    }

    private List<String> secrets() {
        if (secrets == null) {
            return List.of();
        }
        try {
            return Files.readAllLines(secrets, StandardCharsets.UTF_8).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            System.err.println("webhook receiver: cannot read the secrets file " + secrets + ": " + e);
            return List.of();
        }
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** The body, or {@code null} when it is larger than {@link #MAX_BODY}. */
    private static byte[] readAtMost(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }
}
