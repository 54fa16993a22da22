package io.newsradar.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per-stage figures for a load run: the services' own Micrometer timers and summaries, counted over the measured
 * phase only (a snapshot before, the difference after), the consumer lag of each group sampled every second from the
 * broker, and the CPU time of this JVM and of its child processes (the Elasticsearch node).
 */
final class StageMeters implements AutoCloseable {

    private static final List<String> PREFIXES = List.of("newsradar.", "spring.cloud.function", "spring.kafka.listener");

    private final Map<String, MeterRegistry> registries;
    private final Map<String, double[]> before = new LinkedHashMap<>();
    private final Admin admin;
    private final Map<String, Long> maxLag = new ConcurrentHashMap<>();
    private final Thread lagSampler;
    private long cpuBefore;
    private long childCpuBefore;
    private long wallBefore;

    StageMeters(Map<String, MeterRegistry> registries, String bootstrap, List<String> groups) {
        this.registries = registries;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.lagSampler = new Thread(() -> sampleLag(groups), "lag-sampler");
        this.lagSampler.setDaemon(true);
    }

    /** The start of the measured phase. */
    void start() {
        before.putAll(totals());
        cpuBefore = cpu(ProcessHandle.current());
        childCpuBefore = ProcessHandle.current().descendants().mapToLong(StageMeters::cpu).sum();
        wallBefore = System.nanoTime();
        lagSampler.start();
    }

    /** Prints each meter's count and mean over the measured phase, the largest lag of each group, and CPU use. */
    void report() {
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        System.out.println("per-stage meters over the measured phase (count, mean, total):");
        totals().forEach((key, now) -> {
            double[] then = before.getOrDefault(key, new double[] {0, 0});
            double count = now[0] - then[0];
            if (count > 0) {
                double total = now[1] - then[1];
                boolean timer = now[2] == 1;
                System.out.printf("  %-90s %,10.0f  mean %,10.2f %s  total %,.1f %s%n", key, count, total / count, timer ? "ms" : "",
                        timer ? total / 1000 : total, timer ? "s" : "");
            }
        });
        maxLag.forEach((group, lag) -> System.out.printf("  largest consumer lag of %s: %,d records%n", group, lag));
        double jvm = (cpu(ProcessHandle.current()) - cpuBefore) / 1e9;
        double children = (ProcessHandle.current().descendants().mapToLong(StageMeters::cpu).sum() - childCpuBefore) / 1e9;
        System.out.printf("  CPU over %.0f s: this JVM (Kafka, services, producer, clients) %.2f cores, Elasticsearch %.2f cores%n",
                wall, jvm / wall, children / wall);
    }

    /** For every meter of interest, keyed by registry, name and tags: count, total (ms for timers), 1 if a timer. */
    private Map<String, double[]> totals() {
        Map<String, double[]> out = new LinkedHashMap<>();
        registries.forEach((service, registry) -> {
            for (Meter meter : registry.getMeters()) {
                String name = meter.getId().getName();
                if (PREFIXES.stream().noneMatch(name::startsWith)) {
                    continue;
                }
                String key = service + " " + name + tags(meter);
                if (meter instanceof Timer t) {
                    out.merge(key, new double[] {t.count(), t.totalTime(TimeUnit.MILLISECONDS), 1}, StageMeters::add);
                } else if (meter instanceof DistributionSummary s) {
                    out.merge(key, new double[] {s.count(), s.totalAmount(), 0}, StageMeters::add);
                }
            }
        });
        return out;
    }

    private static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2]};
    }

    private static String tags(Meter meter) {
        Set<String> skip = Set.of("application", "exception", "error", "class", "name");
        String tags = meter.getId().getTags().stream().filter(t -> !skip.contains(t.getKey()))
                .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(","));
        return tags.isEmpty() ? "" : "{" + tags + "}";
    }

    private void sampleLag(List<String> groups) {
        while (!Thread.currentThread().isInterrupted()) {
            for (String group : groups) {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                    long lag = committed.entrySet().stream()
                            .mapToLong(e -> ends.get(e.getKey()).offset() - (e.getValue() == null ? 0 : e.getValue().offset())).sum();
                    maxLag.merge(group, lag, Math::max);
                } catch (InterruptedException e) {
                    return;
                } catch (ExecutionException | RuntimeException e) {
                    System.err.println("lag of " + group + ": " + e.getMessage());
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    @Override
    public void close() {
        lagSampler.interrupt();
        admin.close();
    }
}
