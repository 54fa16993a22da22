package io.newsradar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.index.IndexApplication;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load run of index-service on this machine, with everything co-located: a real Kafka broker, a real
 * Elasticsearch node and index-service in this JVM, as in the tests. Articles of about 3 KB from the evaluation set,
 * tagged by the real classifier.
 *
 * <ol>
 *   <li>Throughput: {@code count} events published as fast as the producer goes; documents per second from the first
 *       send until all are searchable.</li>
 *   <li>Latency: events at {@code rate} per second for {@code seconds}; for each, the time from its arrival in Kafka
 *       (the broker's acknowledgement) until a search finds it, as p50, p99 and max.</li>
 * </ol>
 *
 * Usage: {@code IndexLoadRun [count=20000] [rate=200] [seconds=30] [--service.property=value ...]}; the properties
 * after the numbers go to index-service, to try other settings.
 */
public final class IndexLoadRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IndexLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        List<String> numbers = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        int count = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 20_000;
        int rate = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 200;
        int seconds = numbers.size() > 2 ? Integer.parseInt(numbers.get(2)) : 30;
        List<ClassifiedArticle> stories = BenchArticles.classified();
        String kafka = TestServers.kafka().bootstrapServers();
        String elasticsearch = TestServers.elasticsearch().url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> serviceArgs = new ArrayList<>(List.of(
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka, "--spring.elasticsearch.uris=" + elasticsearch,
                "--server.port=0", "--spring.cloud.stream.bindings.index-in-0.group=index-bench-" + run,
                "--logging.level.root=WARN"));
        for (String arg : args) {
            if (arg.startsWith("--")) {
                serviceArgs.add(arg);
            }
        }
        try (ConfigurableApplicationContext service = IndexApplication.application().run(serviceArgs.toArray(String[]::new));
             KafkaProducer<String, byte[]> producer = producer(kafka)) {
            ElasticsearchClient client = service.getBean(ElasticsearchClient.class);
            System.out.printf("index-service load run %s: %d stories of %.0f bytes on average; Kafka %s, Elasticsearch %s%n",
                    run, stories.size(), stories.stream().mapToInt(s -> s.article().body().length()).average().orElse(0), kafka, elasticsearch);
            elasticsearchAlone(run, count, stories, client);
            throughput(run, count, stories, producer, client);
            latency(run, rate, seconds, stories, producer, client);
        }
        System.exit(0);
    }

    private static void throughput(String run, int count, List<ClassifiedArticle> stories, KafkaProducer<String, byte[]> producer,
                                   ElasticsearchClient client) throws Exception {
        String prefix = run + "-t-";
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            send(producer, event(stories.get(i % stories.size()), prefix + i), null);
        }
        producer.flush();
        double published = (System.nanoTime() - started) / 1e9;
        long seen = 0;
        while (seen < count) {
            Thread.sleep(250);
            seen = client.count(c -> c.index(ArticleDocument.ALIAS).query(q -> q.prefix(p -> p.field("articleId").value(prefix)))).count();
        }
        double took = (System.nanoTime() - started) / 1e9;
        System.out.printf("throughput: %,d documents searchable in %.1f s = %,.0f documents/s (published in %.1f s)%n",
                count, took, count / took, published);
    }

    /** The same documents bulk-written straight to Elasticsearch, 500 a request: what the node alone can take here. */
    private static void elasticsearchAlone(String run, int count, List<ClassifiedArticle> stories, ElasticsearchClient client)
            throws IOException {
        long started = System.nanoTime();
        for (int from = 0; from < count; from += 500) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = from; i < Math.min(count, from + 500); i++) {
                ArticleDocument doc = ArticleDocument.of(event(stories.get(i % stories.size()), run + "-e-" + i));
                bulk.operations(op -> op.index(x -> x.index(ArticleDocument.ALIAS).id(doc.articleId()).document(doc)));
            }
            if (client.bulk(bulk.build()).errors()) {
                throw new IllegalStateException("Elasticsearch refused some documents of the direct bulk");
            }
        }
        double took = (System.nanoTime() - started) / 1e9;
        System.out.printf("Elasticsearch alone: %,d documents bulk-written in %.1f s = %,.0f documents/s%n", count, took, count / took);
    }

    private static void latency(String run, int rate, int seconds, List<ClassifiedArticle> stories,
                                KafkaProducer<String, byte[]> producer, ElasticsearchClient client) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Map<String, Long> searchable = new ConcurrentHashMap<>();
        Thread poller = new Thread(() -> poll(client, arrived, searchable), "searchable-poller");
        poller.setDaemon(true);
        poller.start();
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += interval;
            String id = run + "-l-" + i;
            send(producer, event(stories.get(i % stories.size()), id), () -> arrived.put(id, System.nanoTime()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (searchable.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        long[] millis = searchable.entrySet().stream().mapToLong(e -> (e.getValue() - arrived.get(e.getKey())) / 1_000_000).sorted().toArray();
        System.out.printf("latency at %d events/s for %d s: %,d of %,d searchable; arrival in Kafka → searchable p50 %d ms, p99 %d ms, max %d ms%n",
                rate, seconds, millis.length, total, percentile(millis, 50), percentile(millis, 99), millis.length == 0 ? -1 : millis[millis.length - 1]);
    }

    /** Looks every 100 ms for the events that have arrived and are not yet known to be searchable. */
    private static void poll(ElasticsearchClient client, Map<String, Long> arrived, Map<String, Long> searchable) {
        while (true) {
            List<String> waiting = new ArrayList<>();
            for (String id : arrived.keySet()) {
                if (!searchable.containsKey(id) && waiting.size() < 1000) {
                    waiting.add(id);
                }
            }
            if (!waiting.isEmpty()) {
                try {
                    var hits = client.search(s -> s.index(ArticleDocument.ALIAS).size(waiting.size()).source(src -> src.fetch(false))
                            .query(q -> q.ids(i -> i.values(waiting))), Void.class).hits().hits();
                    long now = System.nanoTime();
                    for (Hit<Void> hit : hits) {
                        searchable.putIfAbsent(hit.id(), now);
                    }
                } catch (IOException | RuntimeException e) {
                    System.err.println("poll: " + e.getMessage());
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void send(KafkaProducer<String, byte[]> producer, ClassifiedArticle event, Runnable acknowledged) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, event.articleId(), JSON.writeValueAsBytes(event)), (metadata, error) -> {
            if (error != null) {
                System.err.println("send failed: " + error.getMessage());
            } else if (acknowledged != null) {
                acknowledged.run();
            }
        });
    }

    private static ClassifiedArticle event(ClassifiedArticle story, String id) {
        RawArticle a = story.article();
        RawArticle raw = new RawArticle(a.schemaVersion(), id, a.url() + "#" + id, null, a.feedId(), a.source(), a.language(),
                a.title(), a.lead(), a.body(), a.categories(), a.publishedAt(), Instant.now());
        return new ClassifiedArticle(story.schemaVersion(), raw, story.classifierVersion(), Instant.now(), story.language(),
                story.pair(), story.countries(), story.regions(), story.topics());
    }

    /** The evaluation set's articles at about 3 KB, tagged by the classifier. */

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5"),
                new StringSerializer(), new ByteArraySerializer());
    }
}
