package io.newsradar.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.newsradar.gateway.GatewayApplication;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.testsupport.TestServers;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A load run of {@code GET /api/v1/export}, everything co-located: a real Elasticsearch node holding {@code articles}
 * documents ({@link QueryLoadRun#seed}), api-gateway in this JVM with its shipped settings, and one client reading
 * the whole export as NDJSON, then as CSV, as fast as it can. Reports rows, bytes and rows/s of each, that the
 * export was complete, and the heap while it ran: every 50 ms the heap used, and the heap each collection left (what
 * is alive: the gateway, the client and the export's pages), against the heap after a full collection before it.
 *
 * <p>Usage: {@code ExportLoadRun [articles=100000]}; run with {@code -Xmx512m}, so that an export which held its rows
 * would not fit.
 */
public final class ExportLoadRun {

    private static final String API_KEY = "bench-key";
    /** Every article seeded. */
    private static final String QUERY = "/api/v1/export?to=2026-11-21";
    /** The last week's, a tenth of them. */
    private static final String WARM_UP = "/api/v1/export?from=2026-11-14&to=2026-11-21";

    private ExportLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String elasticsearch = TestServers.elasticsearch().url();
        try (ConfigurableApplicationContext gateway = GatewayApplication.application().run(
                "--spring.elasticsearch.uris=" + elasticsearch, "--server.port=0", "--logging.level.root=WARN",
                // The seeding's force-merge takes longer than a search may on a busy machine.
                "--spring.elasticsearch.socket-timeout=10m",
                "--newsradar.gateway.api-keys[0].name=bench", "--newsradar.gateway.api-keys[0].sha256=" + ApiKeys.sha256(API_KEY))) {
            QueryLoadRun.seed(gateway.getBean(ElasticsearchClient.class), articles);
            String base = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port", "8080");
            export(base, WARM_UP, "application/x-ndjson", false); // code compiled, index pages cached
            export(base, QUERY, "application/x-ndjson", true);
            export(base, QUERY, "text/csv", true);
        }
        System.exit(0);
    }

    private static void export(String base, String query, String accept, boolean report) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + query)).header("X-Api-Key", API_KEY)
                .header("Accept", accept).GET().build();
        long before = settledHeap();
        HeapSampler sampler = new HeapSampler();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        byte[] last = new byte[0];
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int tail = 0;
            byte[] lastLine = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                        last = Arrays.copyOf(lastLine, tail);
                        tail = 0;
                    } else if (tail < lastLine.length) {
                        lastLine[tail++] = buffer[i];
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.stop();
        if (!report) {
            return;
        }
        // NDJSON: the trailer line is not a row. CSV: the header row is not.
        long rows = lines - 1;
        String end = accept.contains("csv") ? "(CSV: no trailer line; HTTP trailer fields)" : new String(last, StandardCharsets.UTF_8);
        System.out.printf("export %s: status %d, %,d rows, %.1f MB in %.1f s: %,.0f rows/s, %.1f MB/s; last line %s%n",
                accept, response.statusCode(), rows, bytes / 1e6, seconds, rows / seconds, bytes / 1e6 / seconds, end);
        System.out.printf("heap: %.1f MB after a collection before the export; during it, at most %.1f MB used (sampled every"
                        + " 50 ms) and at most %.1f MB left after a collection (%d collections); max heap %.0f MB%n",
                before / 1e6, sampler.maxUsed.get() / 1e6, sampler.maxAfterGc.get() / 1e6, sampler.collections(),
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static long settledHeap() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap used, and what each collection left, sampled while an export runs. */
    private static final class HeapSampler {

        private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

        final AtomicLong maxUsed = new AtomicLong();
        final AtomicLong maxAfterGc = new AtomicLong();
        private final long collectionsBefore = collectionCount();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long afterGc = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (HEAP_POOLS.contains(pool.getKey())) {
                        afterGc += pool.getValue().getUsed();
                    }
                }
                maxAfterGc.accumulateAndGet(afterGc, Math::max);
            }
        };

        HeapSampler() {
            timer.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
            }
        }

        private void sample() {
            maxUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        long collections() {
            return collectionCount() - collectionsBefore;
        }

        void stop() throws Exception {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            }
            timer.shutdown();
            timer.awaitTermination(1, TimeUnit.SECONDS);
            sample();
        }

        private static long collectionCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }
    }
}
