package io.newsradar.index;

import static io.newsradar.index.ClassifiedEvents.article;
import static io.newsradar.index.ClassifiedEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.index.admin.Reindex;
import io.newsradar.testsupport.ElasticsearchNode;
import io.newsradar.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * index-service through an Elasticsearch outage and a reindex: its own Elasticsearch node (so stopping it or moving
 * its alias disturbs no other test) and its own consumer group on the shared Kafka broker.
 */
@SpringBootTest(properties = {"spring.config.name=index-service", "newsradar.index.bulk-flush-interval=200ms",
        "spring.cloud.stream.bindings.index-in-0.group=index-outage-it", "newsradar.index.retry-max-backoff=2s",
        "newsradar.index.acknowledge-timeout=5s", "spring.elasticsearch.socket-timeout=5s"})
class IndexOperationsIT {

    private static final ElasticsearchNode NODE = ElasticsearchNode.start("outage");

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    HealthEndpoint health;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.registerKafka(registry);
        registry.add("spring.elasticsearch.uris", NODE::url);
    }

    @AfterAll
    static void stopNode() {
        NODE.stop();
    }

    @Test
    void everyArticlePublishedBeforeDuringAndAfterAnElasticsearchOutageIsIndexedOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        send(articles(run + "-before", 20));
        awaitCount(run, 20);

        NODE.stop();
        send(articles(run + "-during", 20));
        ClassifiedEvents.await(() -> !health.healthForPath("readiness").getStatus().equals(Status.UP),
                "index-service to report not ready without Elasticsearch", Duration.ofSeconds(60));
        NODE.restart();
        send(articles(run + "-after", 20));

        awaitCount(run, 60);
        assertThat(count(run + "-before")).isEqualTo(20);
        assertThat(count(run + "-during")).isEqualTo(20);
        assertThat(count(run + "-after")).isEqualTo(20);
        ClassifiedEvents.await(() -> health.healthForPath("readiness").getStatus().equals(Status.UP),
                "index-service to be ready again", Duration.ofSeconds(60));
    }

    @Test
    void aReindexWhileArticlesKeepArrivingMovesEveryDocumentToTheNewIndexAndSwapsTheAlias() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        send(articles(run + "-old", 30));
        awaitCount(run, 30);
        String from = new Reindex(elasticsearch, System.err, Duration.ZERO).writeIndex();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Thread arriving = new Thread(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    send(articles(run + "-new" + i, 3));
                    Thread.sleep(150);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        arriving.start();
        Reindex.Result result = new Reindex(elasticsearch, new PrintStream(progress, true, StandardCharsets.UTF_8),
                Duration.ofSeconds(3)).run();
        arriving.join();

        assertThat(result.from()).isEqualTo(from);
        assertThat(result.to()).isEqualTo(Reindex.next(from));
        var aliases = elasticsearch.indices().getAlias(a -> a.name(ArticleDocument.ALIAS)).result();
        assertThat(aliases).containsOnlyKeys(result.to());
        assertThat(elasticsearch.indices().exists(e -> e.index(from)).value()).as("the old index is kept").isTrue();
        awaitCount(run, 60);
        assertThat(count(run)).isEqualTo(60);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("first copy").contains("catch-up").contains("reindex: done");
    }

    private static List<ClassifiedArticle> articles(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> article(prefix + "-" + i, "Outage test article " + i)).toList();
    }

    private long count(String prefix) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(ArticleDocument.ALIAS));
        return elasticsearch.count(c -> c.index(ArticleDocument.ALIAS).query(q -> q.prefix(p -> p.field("articleId").value(prefix)))).count();
    }

    private void awaitCount(String prefix, long expected) throws InterruptedException {
        ClassifiedEvents.await(() -> {
            try {
                return count(prefix) >= expected;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }, "documents of " + prefix + " to reach " + expected, Duration.ofSeconds(120));
    }
}
