package io.newsradar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookReceiverTest {

    private static final String SECRET = "demo-secret-for-the-receiver-test";
    private static final String BODY = "{\"searchId\":\"s1\",\"text\":\"[Vietnam] <http://127.0.0.1/a|Nhà máy mới> (demo)\"}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private DemoFeedServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void showsADeliveryWhoseSignatureMatchesASecretOfTheFileAsVerified() throws Exception {
        Path secrets = Files.writeString(dir.resolve("secrets"), "some-older-secret\n" + SECRET + "\n");
        server = started(secrets);

        HttpResponse<String> answer = post("delivery-1", "sha256=" + WebhookReceiver.hmac(SECRET, bytes(BODY)), BODY);
        String page = get("/webhook").body();

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(page).contains("1 delivery received", "X-Newsradar-Delivery  delivery-1", "signature             verified",
                "Nhà máy mới");
    }

    @Test
    void tellsASignatureThatMatchesNoSecretAndOneThatIsMissing() throws Exception {
        Path secrets = Files.writeString(dir.resolve("secrets"), SECRET + "\n");
        server = started(secrets);

        post("forged", "sha256=" + WebhookReceiver.hmac("another-secret", bytes(BODY)), BODY);
        post("unsigned", null, BODY);
        String page = get("/webhook").body();

        assertThat(page).contains("2 deliveries received", "DOES NOT MATCH any known secret", "missing (no X-Newsradar-Signature-256 header)")
                .doesNotContain("verified");
        assertThat(page.indexOf("unsigned")).as("newest first").isLessThan(page.indexOf("forged"));
    }

    @Test
    void checksAgainstTheSecretsFileAsItIsAtEachDelivery() throws Exception {
        Path secrets = dir.resolve("secrets");
        server = started(secrets);
        String signature = "sha256=" + WebhookReceiver.hmac(SECRET, bytes(BODY));

        post("before", signature, BODY);
        Files.writeString(secrets, SECRET + "\n");
        post("after", signature, BODY);

        assertThat(get("/webhook").body()).contains("not checked: no secret known yet", "verified");
    }

    @Test
    void keepsOnlyTheLastDeliveriesButCountsThemAll() throws Exception {
        server = started(null);

        for (int i = 0; i < WebhookReceiver.KEPT + 3; i++) {
            post("d" + i, null, BODY);
        }
        String page = get("/webhook").body();

        assertThat(page).contains((WebhookReceiver.KEPT + 3) + " deliveries received", "the last " + WebhookReceiver.KEPT,
                "Delivery  d" + (WebhookReceiver.KEPT + 2)).doesNotContain("Delivery  d2\n");
    }

    @Test
    void refusesOtherMethodsAndTooLargeBodiesWithoutKeepingThem() throws Exception {
        server = started(null);

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/webhook"))
                .PUT(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> large = post("large", null, "x".repeat(WebhookReceiver.MAX_BODY + 1));

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(get("/webhook").body()).contains("0 deliveries received");
    }

    private DemoFeedServer started(Path secrets) throws Exception {
        DemoFeedServer demo = new DemoFeedServer(0, Clock.systemUTC(), secrets);
        demo.start(Duration.ofHours(1));
        return demo;
    }

    private HttpResponse<String> post(String deliveryId, String signature, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/webhook"))
                .header("Content-Type", "application/json").header("X-Newsradar-Delivery", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Newsradar-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
