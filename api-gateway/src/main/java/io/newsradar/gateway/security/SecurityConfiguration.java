package io.newsradar.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.gateway.GatewayProperties;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The configured keys; with the {@code local} profile, also a development key made at start-up and printed once
     * (admin, so the whole API can be tried).
     */
    @Bean
    ApiKeys apiKeys(GatewayProperties properties, Environment environment) {
        ApiKeys keys = new ApiKeys(properties.apiKeys());
        if (Arrays.asList(environment.getActiveProfiles()).contains("local")) {
            String key = ApiKeys.generate();
            keys.add(new ApiKeys.Key("development", ApiKeys.sha256(key), ApiKeys.Role.ADMIN));
            log.warn("development API key (admin, valid until this gateway stops): {}", key);
        } else if (keys.isEmpty()) {
            log.error("no API keys are configured (newsradar.gateway.api-keys): every request but the page, the health probes, the metrics and the API description will be refused");
        }
        return keys;
    }

    @Bean
    RateLimiter rateLimiter(GatewayProperties properties) {
        return new RateLimiter(properties.rateLimit().requestsPerSecond(), properties.rateLimit().burst(), System::nanoTime);
    }

    /** {@code api_key=} out of every request's URI before anything logs or shows it ({@link KeyParameter}). */
    @Bean
    WebHttpHandlerBuilderCustomizer keyParameterOutOfTheUri() {
        return builder -> builder.httpHandlerDecorator(KeyParameter::new);
    }

    @Bean
    ApiKeyFilter apiKeyFilter(ApiKeys keys, RateLimiter limiter, MeterRegistry meters) {
        return new ApiKeyFilter(keys, limiter, meters);
    }
}
