package io.newsradar.support.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.newsradar.testsupport.TestServers;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;

class ElasticsearchClientAutoConfigurationIT {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ElasticsearchClientAutoConfiguration.class));

    @Test
    void talksToTheRealClusterAndWritesInstantsAsIsoText() {
        runner.withPropertyValues("spring.elasticsearch.uris=" + TestServers.elasticsearch().url()).run(context -> {
            ElasticsearchClient client = context.getBean(ElasticsearchClient.class);

            client.index(i -> i.index("autoconfig-probe").id("1").document(Map.of("at", Instant.parse("2026-11-20T09:30:00Z")))
                    .refresh(Refresh.True));
            JsonNode source = client.get(g -> g.index("autoconfig-probe").id("1"), JsonNode.class).source();

            assertThat(source.get("at").asString()).isEqualTo("2026-11-20T09:30:00Z");
            assertThat(context.getBean(ElasticsearchClusterHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void reportsDownWithTheReasonWhenNoClusterAnswers() {
        runner.withPropertyValues("spring.elasticsearch.uris=http://127.0.0.1:1", "spring.elasticsearch.connection-timeout=500ms")
                .run(context -> {
                    Health health = context.getBean(ElasticsearchClusterHealthIndicator.class).health(true);

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsKey("error");
                });
    }

    @Test
    void declaresNoClientForAServiceThatNamesNoCluster() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ElasticsearchClient.class).doesNotHaveBean(ElasticsearchClusterHealthIndicator.class);
        });
    }

    @Test
    void refusesToStartWithAnAddressThatIsNotHttp() {
        runner.withPropertyValues("spring.elasticsearch.uris=localhost:9200").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("spring.elasticsearch.uris: 'localhost:9200' is not an http(s) URL");
        });
    }
}
