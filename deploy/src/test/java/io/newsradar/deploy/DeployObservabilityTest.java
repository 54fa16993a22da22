package io.newsradar.deploy;

import static io.newsradar.deploy.DeployComposeTest.list;
import static io.newsradar.deploy.DeployComposeTest.map;
import static io.newsradar.deploy.ServiceConfig.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/observability: every metric the dashboard and the alerts query exists (emitted by the services' code, or
 * a listed framework metric, or the one planned metric), and Prometheus scrapes what the services expose. The
 * metric names are checked, not their labels, types or whether a query returns data.
 */
class DeployObservabilityTest {

    static final Path OBSERVABILITY = ROOT.resolve("deploy/observability");
    static final Set<String> EMITTED = MetricNames.emittedByTheServices();

    @Test
    void everyMetricOnTheDashboardIsEmittedByTheServicesOrKnown() throws IOException {
        Set<String> metrics = new TreeSet<>();
        dashboardExpressions().forEach(expr -> metrics.addAll(MetricNames.in(expr)));

        assertThat(metrics).isNotEmpty().allSatisfy(metric -> assertThat(MetricNames.isKnown(metric, EMITTED))
                .as("%s: emitted in the services' code, or in MetricNames.FRAMEWORK or PLANNED", metric).isTrue());
    }

    @Test
    void everyMetricTheAlertsUseIsEmittedByTheServicesOrKnown() throws IOException {
        Set<String> metrics = new TreeSet<>();
        alertRules().forEach(rule -> metrics.addAll(MetricNames.in(rule.get("expr").toString())));

        assertThat(metrics).isNotEmpty().allSatisfy(metric -> assertThat(MetricNames.isKnown(metric, EMITTED))
                .as("%s: emitted in the services' code, or in MetricNames.FRAMEWORK", metric).isTrue())
                .noneMatch(MetricNames.PLANNED::contains);
    }

    @Test
    void dashboardShowsThroughputLagLatencyFailingFeedsDeadLettersAndLiveStreams() throws IOException {
        Set<String> metrics = new TreeSet<>();
        dashboardExpressions().forEach(expr -> metrics.addAll(MetricNames.in(expr)));

        assertThat(metrics).contains("newsradar_ingest_articles_published_total", "kafka_producer_topic_record_send_total",
                "newsradar_index_documents_total", "spring_cloud_stream_binder_kafka_offset",
                "newsradar_classify_seconds_sum", "newsradar_index_bulk_seconds_sum", "newsradar_ingest_feeds_failing",
                "newsradar_index_dead_letters_total", "newsradar_gateway_streams_open");
    }

    @Test
    void noPanelCallsAMetricPlannedOnceTheCodeEmitsIt() throws IOException {
        for (JsonNode panel : panels()) {
            JsonNode description = panel.get("description");
            if (description != null && description.asString().contains("PLANNED")) {
                assertThat(MetricNames.PLANNED).as("panel '%s' says a metric is planned", panel.get("title").asString())
                        .anySatisfy(planned -> assertThat(description.asString()).contains(planned));
            }
        }
        assertThat(MetricNames.PLANNED).as("metrics the code emits are not planned any more")
                .noneMatch(planned -> EMITTED.contains(MetricNames.dotted(planned)));
    }

    @Test
    void alertsCoverAServiceDownGrowingLagFailingFeedsAndDeadLetters() throws IOException {
        List<String> alerts = alertRules().stream().map(rule -> rule.get("alert").toString()).toList();

        assertThat(alerts).containsExactlyInAnyOrder("NewsradarServiceDown", "NewsradarConsumerLagGrowing",
                "NewsradarFeedsFailing", "NewsradarDeadLettersArriving");
        assertThat(alertRules()).allSatisfy(rule -> assertThat(rule).containsKeys("expr", "labels", "annotations"));
        String serviceDown = alertRules().get(0).get("expr").toString();
        assertThat(serviceDown).startsWith("up{").endsWith("== 0");
        Matcher services = Pattern.compile("service=~\"([^\"]+)\"").matcher(serviceDown);
        assertThat(services.find()).isTrue();
        assertThat(services.group(1).split("\\|")).containsExactlyInAnyOrderElementsOf(ServiceConfig.SERVICES);
    }

    @Test
    void prometheusScrapesEveryServiceOnItsPortAndActuatorPathAndLoadsTheAlerts() throws IOException {
        Map<String, Object> prometheus = yaml(OBSERVABILITY.resolve("prometheus.yml"));
        Map<String, Object> job = map(list(prometheus.get("scrape_configs")).get(0));
        List<String> targets = new ArrayList<>();
        for (Object group : list(job.get("static_configs"))) {
            String service = map(map(group).get("labels")).get("service").toString();
            list(map(group).get("targets")).forEach(target -> {
                targets.add(service);
                assertThat(target).hasToString(service + ":" + ServiceConfig.of(service).serverPort());
                assertThat(DeployComposeTest.services()).as("a Compose service %s", service).containsKey(service);
            });
        }

        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(ServiceConfig.SERVICES);
        ServiceConfig.SERVICES.forEach(s -> assertThat(ServiceConfig.of(s).exposedEndpoints()).as(s).contains("prometheus"));
        assertThat(list(prometheus.get("rule_files"))).containsExactly("alerts.yml");
    }

    @Test
    void dashboardReadsTheDatasourceGrafanaIsProvisionedWith() throws IOException {
        Map<String, Object> datasources = yaml(OBSERVABILITY.resolve("grafana/provisioning/datasources/prometheus.yml"));
        Map<String, Object> datasource = map(list(datasources.get("datasources")).get(0));
        Map<String, Object> provider = map(list(yaml(OBSERVABILITY.resolve("grafana/provisioning/dashboards/newsradar.yml"))
                .get("providers")).get(0));

        assertThat(panels()).filteredOn(p -> !"row".equals(p.get("type").asString()))
                .allSatisfy(p -> assertThat(p.get("datasource").get("uid").asString()).isEqualTo(datasource.get("uid")));
        assertThat(datasource.get("url")).hasToString("http://prometheus:9090");
        assertThat(list(map(DeployComposeTest.services().get("grafana")).get("volumes")))
                .contains("../observability/grafana/dashboards:" + map(provider.get("options")).get("path") + ":ro");
    }

    private static List<JsonNode> panels() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(OBSERVABILITY.resolve("grafana/dashboards/newsradar.json")));
        List<JsonNode> panels = new ArrayList<>();
        dashboard.get("panels").forEach(panels::add);
        return panels;
    }

    private static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            JsonNode targets = panel.get("targets");
            if (targets != null) {
                targets.forEach(target -> expressions.add(target.get("expr").asString()));
            }
        }
        return expressions;
    }

    private static List<Map<String, Object>> alertRules() throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : list(yaml(OBSERVABILITY.resolve("alerts.yml")).get("groups"))) {
            list(map(group).get("rules")).forEach(rule -> rules.add(map(rule)));
        }
        return rules;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }
}
