package io.newsradar.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway on a random port, against the real Kafka and Elasticsearch of test-support, with the {@link TestKeys}.
 * Test classes that add nothing of their own share one application context, which Spring's test context cache starts
 * once. A class with a set-up of its own adds it with {@code @TestPropertySource(properties = ...)} or a
 * {@code @DynamicPropertySource}; either wins over the shared properties.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=api-gateway")
@ContextConfiguration(initializers = RealServersAndKeys.class)
@interface RunningGateway {
}
