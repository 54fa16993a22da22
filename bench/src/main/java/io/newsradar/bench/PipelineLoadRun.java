package io.newsradar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.classify.ClassifyApplication;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.GatewayApplication;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.index.IndexApplication;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline under load on this machine, everything co-located as in {@code PipelineIT}: the real Kafka broker
 * (KRaft, in this JVM), the real Elasticsearch node (child process), and classify-service, index-service and
 * api-gateway as Spring contexts in this JVM. The load enters at the ingest edge: {@code RawArticle} events of about
 * 3 KB (the evaluation set's vi/en/fr stories) produced to {@code news.articles.raw} at {@code rate} per second for
 * {@code seconds}, while {@code clients} live streams read {@code GET /api/v1/stream}.
 *
 * <p>Reports articles/s from the first send until the last article is searchable; for one article in
 * {@code rate / 100}, the time from its send until a search finds it (p50, p99, max); for every live delivery, the
 * time from the send until a client has read it; and the services' own meters, consumer lag and CPU per stage.
 *
 * <p>Usage: {@code PipelineLoadRun [rate=200] [seconds=30] [clients=4] [--classify-instances=1] [--index-instances=1]
 * [--service.property=value ...]}; the properties go to every service. A second instance of a stage is a second
 * context of the same service in the same consumer group.
 */
public final class PipelineLoadRun {

    private static final String API_KEY = "bench-pipeline-key";
    private static final String MEASURED = "pl:";
    private static final String WARM_UP = "pw:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<RawArticle> stories = BenchArticles.raw();
    private final KafkaProducer<String, byte[]> producer;
    private final ElasticsearchClient client;
    private final Map<String, Long> pending = new LinkedHashMap<>();
    private final List<Long> searchableMillis = new ArrayList<>();

    private PipelineLoadRun(KafkaProducer<String, byte[]> producer, ElasticsearchClient client) {
        this.producer = producer;
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        List<String> numbers = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        int rate = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 200;
        int seconds = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 30;
        int clients = numbers.size() > 2 ? Integer.parseInt(numbers.get(2)) : 4;
        int classifiers = option(args, "--classify-instances=");
        int indexers = option(args, "--index-instances=");
        String kafka = TestServers.kafka().bootstrapServers();
        String group = UUID.randomUUID().toString().substring(0, 8);
        List<String> common = new ArrayList<>(List.of("--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--spring.elasticsearch.uris=" + TestServers.elasticsearch().url(), "--server.port=0", "--logging.level.root=WARN",
                "--spring.cloud.stream.bindings.classify-in-0.group=classify-bench-" + group,
                "--spring.cloud.stream.bindings.index-in-0.group=index-bench-" + group,
                "--newsradar.gateway.api-keys[0].name=bench", "--newsradar.gateway.api-keys[0].sha256=" + ApiKeys.sha256(API_KEY)));
        Arrays.stream(args).filter(a -> a.startsWith("--") && !a.contains("-instances=")).forEach(common::add);
        Map<String, MeterRegistry> registries = new LinkedHashMap<>();
        List<ConfigurableApplicationContext> services = new ArrayList<>();
        for (int i = 1; i <= classifiers; i++) {
            services.add(start(ClassifyApplication.application(), common, registries, "classify-" + i));
        }
        for (int i = 1; i <= indexers; i++) {
            services.add(start(IndexApplication.application(), common, registries, "index-" + i));
        }
        ConfigurableApplicationContext gateway = start(GatewayApplication.application(), common, registries, "gateway");
        services.add(gateway);
        int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port", "8080"));
        try (KafkaProducer<String, byte[]> producer = producer(kafka);
             StageMeters stages = new StageMeters(registries, kafka, List.of("classify-bench-" + group, "index-bench-" + group))) {
            PipelineLoadRun load = new PipelineLoadRun(producer, gateway.getBean(ElasticsearchClient.class));
            LiveClients live = LiveClients.open(port, API_KEY, clients, MEASURED, clients * rate * seconds + 1000);
            System.out.printf("pipeline load run %s: %d classify, %d index, 1 gateway; %d live streams; %d stories of about 3 KB%n",
                    load.run, classifiers, indexers, clients, load.stories.size());
            load.warmUp(rate);
            stages.start();
            load.measure(rate, seconds, live, clients);
            stages.report();
            live.closing();
        }
        services.forEach(ConfigurableApplicationContext::close);
        System.exit(0);
    }

    /** Ten seconds at the rate, not measured: partitions assigned, code compiled, the index warm. */
    private void warmUp(int rate) throws Exception {
        String feed = "bench-warm-" + run;
        long started = System.nanoTime();
        int total = produce(rate, 10, feed, WARM_UP, 0);
        long searchable = awaitSearchable(feed, total, 120);
        System.out.printf("warm-up: %,d of %,d searchable after %.1f s%n", searchable, total, (System.nanoTime() - started) / 1e9);
    }

    private void measure(int rate, int seconds, LiveClients live, int clients) throws Exception {
        String feed = "bench-" + run;
        Thread poller = new Thread(this::pollSampled, "searchable-poller");
        poller.setDaemon(true);
        poller.start();
        long started = System.nanoTime();
        int total = produce(rate, seconds, feed, MEASURED, Math.max(1, rate / 100));
        double sent = (System.nanoTime() - started) / 1e9;
        long atEnd = count(feed);
        long searchable = awaitSearchable(feed, total, 180);
        double took = (System.nanoTime() - started) / 1e9;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((live.deliveries() < (long) clients * total || pendingCount() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        poller.interrupt();
        long[] toSearch;
        synchronized (pending) {
            toSearch = searchableMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        long[] toLive = live.sortedMillis();
        System.out.printf("produced %,d articles in %.1f s (%,.0f/s; target %d/s); %,d searchable when the last was sent%n",
                total, sent, total / sent, rate, atEnd);
        System.out.printf("throughput: %,d of %,d searchable %.1f s after the first send = %,.0f articles/s sustained%n",
                searchable, total, took, searchable / took);
        System.out.printf("produce → searchable (%,d sampled): p50 %,d ms, p99 %,d ms, max %,d ms%n",
                toSearch.length, percentile(toSearch, 50), percentile(toSearch, 99), max(toSearch));
        System.out.printf("produce → live stream (%,d of %,d deliveries, %d gaps resumed): p50 %,d ms, p99 %,d ms, max %,d ms%n",
                toLive.length, (long) clients * total, live.gaps(), percentile(toLive, 50), percentile(toLive, 99), max(toLive));
        System.out.printf("live deliveries per client: %s%n", live.perClient());
    }

    /** Sends {@code rate} articles a second for {@code seconds}; one in {@code sampleEvery} is timed until searchable. */
    private int produce(int rate, int seconds, String feed, String mark, int sampleEvery) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next += interval;
            RawArticle story = stories.get(i % stories.size());
            String url = "https://bench.example/" + feed + "/" + i;
            String id = ArticleId.ofUrl(url);
            long sentAt = System.nanoTime();
            RawArticle article = new RawArticle(RawArticle.SCHEMA_VERSION, id, url, null, feed, story.source(), story.language(),
                    mark + sentAt + ": " + story.title(), story.lead(), story.body(), List.of(), Instant.now(), Instant.now());
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, id, JSON.writeValueAsBytes(article)), (metadata, error) -> {
                if (error != null) {
                    System.err.println("send failed: " + error.getMessage());
                }
            });
            if (sampleEvery > 0 && i % sampleEvery == 0) {
                synchronized (pending) {
                    pending.put(id, sentAt);
                }
            }
        }
        producer.flush();
        return total;
    }

    /** Every 100 ms, asks for the oldest thousand sampled articles not yet found, by id. */
    private void pollSampled() {
        while (!Thread.currentThread().isInterrupted()) {
            List<String> waiting;
            synchronized (pending) {
                waiting = pending.keySet().stream().limit(1000).toList();
            }
            if (!waiting.isEmpty()) {
                try {
                    List<Hit<Void>> hits = client.search(s -> s.index(ArticleDocument.ALIAS).size(waiting.size())
                            .source(src -> src.fetch(false)).query(q -> q.ids(i -> i.values(waiting))), Void.class).hits().hits();
                    long now = System.nanoTime();
                    synchronized (pending) {
                        for (Hit<Void> hit : hits) {
                            Long sentAt = pending.remove(hit.id());
                            if (sentAt != null) {
                                searchableMillis.add((now - sentAt) / 1_000_000);
                            }
                        }
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

    private int pendingCount() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /** Counts the feed's documents every 250 ms until all are there or none has come for {@code stallSeconds}. */
    private long awaitSearchable(String feed, int total, int stallSeconds) throws Exception {
        long seen = 0;
        long progress = System.nanoTime();
        while (seen < total && System.nanoTime() - progress < stallSeconds * 1_000_000_000L) {
            Thread.sleep(250);
            long now = count(feed);
            if (now > seen) {
                seen = now;
                progress = System.nanoTime();
            }
        }
        return seen;
    }

    private long count(String feed) throws IOException {
        return client.count(c -> c.index(ArticleDocument.ALIAS).query(q -> q.term(t -> t.field("feedId").value(feed)))).count();
    }

    private static ConfigurableApplicationContext start(SpringApplication application, List<String> args,
                                                        Map<String, MeterRegistry> registries, String name) {
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        registries.put(name, context.getBean(MeterRegistry.class));
        return context;
    }

    private static int option(String[] args, String prefix) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> Integer.parseInt(a.substring(prefix.length())))
                .findFirst().orElse(1);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new ByteArraySerializer());
    }
}
