package io.newsradar.e2e;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.newsradar.classify.ClassifyApplication;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.gateway.GatewayApplication;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.index.IndexApplication;
import io.newsradar.ingest.IngestApplication;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * newsradar's services as Spring application contexts in this JVM, all on one Kafka and the shared Elasticsearch node,
 * as {@link PipelineIT} runs them; closed together, last started first, when the test class is done (closing one in
 * the middle of a test can take Reactor Netty's shared resources from the others).
 */
final class RunningServices implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String bootstrapServers;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private ConfigurableApplicationContext index;

    RunningServices(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    ConfigurableApplicationContext classify(String... extra) {
        return start(ClassifyApplication.application(), extra);
    }

    ConfigurableApplicationContext index(String... extra) {
        index = start(IndexApplication.application(), extra);
        return index;
    }

    ConfigurableApplicationContext gateway(String apiKey, String... extra) {
        List<String> args = new ArrayList<>(List.of("--newsradar.gateway.api-keys[0].name=e2e",
                "--newsradar.gateway.api-keys[0].sha256=" + ApiKeys.sha256(apiKey)));
        args.addAll(List.of(extra));
        return start(GatewayApplication.application(), args.toArray(String[]::new));
    }

    /** ingest-service polling every second, with loopback feeds allowed. */
    ConfigurableApplicationContext ingest(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--newsradar.ingest.polling.default-interval=1s",
                "--newsradar.ingest.polling.min-interval=500ms",
                "--newsradar.ingest.polling.scheduler-tick=200ms",
                "--newsradar.ingest.fetch.allow-private-networks=true"));
        args.addAll(List.of(extra));
        return start(IngestApplication.application(), args.toArray(String[]::new));
    }

    private ConfigurableApplicationContext start(SpringApplication application, String... extra) {
        ConfigurableApplicationContext context = PipelineFixtures.startOn(application, bootstrapServers, TestServers.elasticsearch().url(), extra);
        started.add(context);
        return context;
    }

    /** Every service started, in the order started. */
    List<ConfigurableApplicationContext> all() {
        return List.copyOf(started);
    }

    /** The overall health a service's actuator reports ({@code UP}, {@code DOWN}, …), or why it could not be read. */
    static String health(ConfigurableApplicationContext service) {
        String port = service.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("status").asString();
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The ids of the documents of these feeds in the index, after a refresh. */
    Set<String> indexedIds(Collection<String> feedIds) {
        Query ofFeeds = feedQuery(feedIds);
        try {
            ElasticsearchClient client = index.getBean(ElasticsearchClient.class);
            client.indices().refresh(r -> r.index(ArticleDocument.ALIAS));
            List<Hit<JsonData>> hits = client.search(s -> s.index(ArticleDocument.ALIAS).size(10_000).source(src -> src.fetch(false))
                    .query(ofFeeds), JsonData.class).hits().hits();
            Set<String> ids = new TreeSet<>();
            hits.forEach(hit -> ids.add(hit.id()));
            return Collections.unmodifiableSet(ids);
        } catch (IOException e) {
            throw new IllegalStateException("cannot search Elasticsearch", e);
        }
    }

    /** How many documents of these feeds the index holds, after a refresh. */
    long documentsOf(Collection<String> feedIds) {
        Query ofFeeds = feedQuery(feedIds);
        return PipelineFixtures.count(index.getBean(ElasticsearchClient.class), ArticleDocument.ALIAS, q -> q.terms(ofFeeds.terms()));
    }

    private static Query feedQuery(Collection<String> feedIds) {
        List<FieldValue> values = feedIds.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field("feedId").terms(v -> v.value(values))));
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        reversed.forEach(ConfigurableApplicationContext::close);
    }
}
