package io.newsradar.house;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Services meet only in Kafka and Elasticsearch: no service module depends on another in its pom or names another's
 * packages in its sources. Run over this checkout, and over a small checkout made to break the rule every way.
 */
class ServiceBoundariesTest {

    /** This checkout: the build runs the test in {@code house-rules/}. */
    private static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();

    @Test
    void noServiceOfThisCheckoutDependsOnOrNamesAnother() {
        assertThat(ServiceBoundaries.modules(CHECKOUT)).as("the modules of " + CHECKOUT)
                .contains("ingest-service", "classify-service", "index-service", "api-gateway");

        assertThat(ServiceBoundaries.crossings(CHECKOUT)).isEmpty();
    }

    @Test
    void findsEveryDependencyOnAServiceAndEveryNameOfAnothersPackage() throws URISyntaxException {
        Path leaky = Path.of(ServiceBoundariesTest.class.getResource("/leaky-checkout").toURI());
        assertThat(leaky.resolve("pom.xml")).satisfies(pom -> assertThat(Files.isRegularFile(pom)).isTrue());

        assertThat(ServiceBoundaries.crossings(leaky)).containsExactlyInAnyOrder(
                "alpha-service/pom.xml depends on beta-service",
                "alpha-service/src/test/java/io/example/alpha/AlphaTest.java:3 names io.example.beta.deep of beta-service",
                "beta-service/src/main/java/io/example/beta/Beta.java:5 names io.example.alpha of alpha-service",
                "api-gateway/pom.xml depends on beta-service",
                "api-gateway/src/main/java/io/example/gateway/Regions.java:3 names io.example.beta.deep of beta-service");
    }
}
