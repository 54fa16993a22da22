package io.newsradar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ArticleId;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import io.newsradar.gateway.GatewayApplication;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.support.elasticsearch.ArticleIndexInstaller;
import io.newsradar.testsupport.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A load run of the query API on this machine, everything co-located: a real Elasticsearch node holding
 * {@code articles} documents (the evaluation set's 3 KB articles, tagged by the real classifier, spread over 60
 * days), api-gateway in this JVM, and an open-loop client sending {@code rate} requests per second for
 * {@code seconds}. The requests mix the queries newsrooms and API clients make: a pair, a country and a topic, free
 * text without diacritics, a region with its merges, a date range, and the facets. Reports throughput, p50, p99 and
 * max latency, and the answers that were not 200.
 *
 * <p>Usage: {@code QueryLoadRun [articles=100000] [rates=500, comma-separated] [seconds=30]}.
 */
public final class QueryLoadRun {

    private static final List<String> QUERIES = List.of(
            "/api/v1/articles?pair=JP-VN",
            "/api/v1/articles?country=VN&topic=labour",
            "/api/v1/articles?q=bac%20giang",
            "/api/v1/articles?region=VN-54",
            "/api/v1/articles?country=KR&from=2026-10-01&to=2026-10-15&size=50",
            "/api/v1/articles?q=investment&sort=relevance",
            "/api/v1/facets?country=JP",
            "/api/v1/articles?topic=aid,culture&lang=fr");

    private static final String API_KEY = "bench-key";

    private QueryLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int[] rates = Arrays.stream((args.length > 1 ? args[1] : "500").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String elasticsearch = TestServers.elasticsearch().url();
        try (ConfigurableApplicationContext gateway = GatewayApplication.application().run(
                "--spring.elasticsearch.uris=" + elasticsearch, "--server.port=0", "--logging.level.root=WARN",
                "--newsradar.gateway.api-keys[0].name=bench", "--newsradar.gateway.api-keys[0].sha256=" + ApiKeys.sha256(API_KEY),
                "--newsradar.gateway.rate-limit.requests-per-second=100000", "--newsradar.gateway.rate-limit.burst=100000")) {
            seed(gateway.getBean(ElasticsearchClient.class), articles);
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port", "8080"));
            run("http://127.0.0.1:" + port, rates[0], 5, false);
            for (int rate : rates) {
                run("http://127.0.0.1:" + port, rate, seconds, true);
            }
        }
        System.exit(0);
    }

    /** Indexes {@code count} articles of the evaluation set, spread over the 60 days before 2026-11-20, unless there. */
    static void seed(ElasticsearchClient client, int count) throws Exception {
        new ArticleIndexInstaller(client).install();
        long present = client.count(c -> c.index(ArticleDocument.ALIAS)).count();
        if (present >= count) {
            System.out.printf("index: %,d documents already there%n", present);
            return;
        }
        List<ClassifiedArticle> stories = BenchArticles.classified();
        long started = System.nanoTime();
        Instant newest = Instant.parse("2026-11-20T00:00:00Z");
        for (int from = (int) present; from < count; from += 1000) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                ClassifiedArticle s = stories.get(i % stories.size());
                RawArticle a = s.article();
                Instant published = newest.minusSeconds((long) i * 60 * 60 * 24 * 60 / count);
                String url = "https://bench.example/" + i;
                RawArticle raw = new RawArticle(1, ArticleId.ofUrl(url), url, null, "bench-" + a.language(), "newsradar bench",
                        a.language(), a.title(), a.lead(), a.body(), List.of(), published, published);
                ArticleDocument doc = ArticleDocument.of(new ClassifiedArticle(1, raw, s.classifierVersion(), published,
                        s.language(), s.pair(), s.countries(), s.regions(), s.topics()));
                bulk.operations(op -> op.index(x -> x.index(ArticleDocument.ALIAS).id(doc.articleId()).document(doc)));
            }
            client.bulk(bulk.build());
            if ((from / 1000) % 10 == 0) {
                System.out.printf("index: %,d / %,d documents%n", from, count);
            }
        }
        client.indices().refresh(r -> r.index(ArticleDocument.ALIAS));
        System.out.printf("index: %,d documents written in %.0f s%n", count, (System.nanoTime() - started) / 1e9);
        // Measure a settled index, not one still merging the segments of the bulk load.
        client.indices().forcemerge(f -> f.index(ArticleDocument.ALIAS).maxNumSegments(1L));
    }

    private static void run(String base, int rate, int seconds, boolean report) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int total = rate * seconds;
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        long interval = 1_000_000_000L / rate;
        long started = System.nanoTime();
        long next = started;
        for (int i = 0; i < total; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += interval;
            int n = i;
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + QUERIES.get(i % QUERIES.size())))
                    .header("X-Api-Key", API_KEY).timeout(Duration.ofSeconds(10)).GET().build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                latency[n] = (System.nanoTime() - sent) / 1_000;
                statuses.computeIfAbsent(error != null ? -1 : response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double took = (System.nanoTime() - started) / 1e9;
        if (!report) {
            return;
        }
        long[] sorted = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
        System.out.printf("queries at %d requests/s for %d s: %,d answered in %.1f s (%.0f/s); p50 %.1f ms, p99 %.1f ms, max %.1f ms; statuses %s%n",
                rate, seconds, sorted.length, took, sorted.length / took, percentile(sorted, 50) / 1000.0,
                percentile(sorted, 99) / 1000.0, sorted[sorted.length - 1] / 1000.0, statuses);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
