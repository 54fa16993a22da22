package io.newsradar.gateway;

import java.time.Duration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Clients of a gateway started on {@code port}: with no key, with the reader key and with the admin key. */
final class GatewayClients {

    /** Long enough for the first search of a cold Elasticsearch node on a busy build machine. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private GatewayClients() {
    }

    static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    static WebTestClient anonymous(int port) {
        return WebTestClient.bindToServer().baseUrl(base(port)).responseTimeout(RESPONSE_TIMEOUT).build();
    }

    static WebTestClient reader(int port) {
        return anonymous(port).mutate().defaultHeader("X-Api-Key", TestKeys.READER).build();
    }

    static WebTestClient admin(int port) {
        return anonymous(port).mutate().defaultHeader("X-Api-Key", TestKeys.ADMIN).build();
    }
}
