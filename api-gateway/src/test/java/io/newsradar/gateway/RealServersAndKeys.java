package io.newsradar.gateway;

import io.newsradar.testsupport.TestServers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points the gateway at test-support's Kafka and Elasticsearch and configures the {@link TestKeys}. The properties
 * rank just below a test class's inlined ones, so a class can still set its own rate limit or timeouts.
 */
final class RealServersAndKeys implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SOURCE = "newsradar gateway test servers and keys";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new LinkedHashMap<>();
        DynamicPropertyRegistry registry = (name, value) -> properties.put(name, value.get());
        TestServers.registerElasticsearch(registry);
        TestServers.registerKafka(registry);
        TestKeys.register(registry);
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource shared = new MapPropertySource(SOURCE, properties);
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, shared);
        } else {
            sources.addFirst(shared);
        }
    }
}
