package io.newsradar.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.cloud.stream.binder.kafka.KafkaBinderMetrics;

/**
 * The metric names a PromQL expression reads, and whether the services emit them: newsradar's own meters are found
 * by their dotted name in the services' main sources; the others must be in {@link #FRAMEWORK}.
 */
final class MetricNames {

    /** Metrics of the frameworks the services run on, as Prometheus names them, with who emits them. */
    static final Map<String, String> FRAMEWORK = Map.of(
            "up", "Prometheus itself, per scraped target",
            prometheusName(KafkaBinderMetrics.OFFSET_LAG_METRIC_NAME), "Spring Cloud Stream's Kafka binder: lag per group and topic",
            "kafka_producer_topic_record_send_total", "the Kafka producers' client metrics: the binder's (MicrometerProducerListener), "
                    + "and classify-service's output producer's (KafkaClientMetrics, ClassifyBinding)",
            "http_server_requests_seconds", "Spring Boot's HTTP server observation",
            "jvm_memory_used_bytes", "Micrometer's JVM memory metrics",
            "process_cpu_usage", "Micrometer's processor metrics");

    /** Named in the dashboard before the code emits it; its panel says so. */
    /** Metrics a panel shows before any service emits them (none at the moment). */
    static final Set<String> PLANNED = Set.of();

    /** {@code newsradar_gateway_streams_open} → {@code newsradar.gateway.streams.open}, as the code names it. */
    static String dotted(String prometheusName) {
        return UNIT_SUFFIX.matcher(prometheusName).replaceFirst("").replace('_', '.');
    }

    private static final Pattern SERIES_SUFFIX = Pattern.compile("_(bucket|count|sum|max)$");
    private static final Pattern UNIT_SUFFIX = Pattern.compile("_(total|seconds)$");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

    private MetricNames() {
    }

    /**
     * The metric names in a PromQL expression. Label matchers, ranges, grouping clauses and Grafana variables are
     * removed first; what is left that is a name and not a function call or a keyword is a metric. Enough for the
     * expressions of deploy/observability, not a PromQL parser.
     */
    static Set<String> in(String promql) {
        String bare = promql.replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Whether the services emit the metric, or it is a known framework metric or a planned one. */
    static boolean isKnown(String prometheusName, Set<String> emittedDottedNames) {
        String series = SERIES_SUFFIX.matcher(prometheusName).replaceFirst("");
        if (FRAMEWORK.containsKey(prometheusName) || FRAMEWORK.containsKey(series) || PLANNED.contains(prometheusName)) {
            return true;
        }
        return emittedDottedNames.contains(dotted(series));
    }

    /**
     * The names the services' main Java sources build meters with: a {@code "newsradar.…"} literal passed to a
     * Micrometer builder ({@code Counter.builder(…)}, {@code Gauge.builder(…)}, …) or to a registry's
     * {@code counter(…)}/{@code timer(…)}. A name built from pieces at run time would be missed.
     */
    static Set<String> emittedByTheServices() {
        Pattern literal = Pattern.compile(
                "(?:(?:Counter|Timer|Gauge|DistributionSummary|LongTaskTimer)\\.builder|\\.(?:counter|timer|gauge|summary))\\(\\s*\"(newsradar\\.[a-z0-9.]+)\"");
        Set<String> names = new TreeSet<>();
        for (String service : ServiceConfig.SERVICES) {
            try (Stream<Path> files = Files.walk(ServiceConfig.ROOT.resolve(service).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    Matcher m = literal.matcher(read(f));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static String prometheusName(String dotted) {
        return dotted.replace('.', '_');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
