package io.newsradar.gateway;

import io.newsradar.gateway.security.ApiKeys;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The API keys the gateway's tests configure: a reader and an admin, stored hashed as in production. */
final class TestKeys {

    static final String READER = "test-reader-key";
    static final String ADMIN = "test-admin-key";

    private TestKeys() {
    }

    /** The keys, with a rate limit no test reaches. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("newsradar.gateway.rate-limit.requests-per-second", () -> "10000");
        registry.add("newsradar.gateway.rate-limit.burst", () -> "10000");
        registry.add("newsradar.gateway.api-keys[0].name", () -> "test-reader");
        registry.add("newsradar.gateway.api-keys[0].sha256", () -> ApiKeys.sha256(READER));
        registry.add("newsradar.gateway.api-keys[0].role", () -> "reader");
        registry.add("newsradar.gateway.api-keys[1].name", () -> "test-admin");
        registry.add("newsradar.gateway.api-keys[1].sha256", () -> ApiKeys.sha256(ADMIN));
        registry.add("newsradar.gateway.api-keys[1].role", () -> "admin");
    }
}
