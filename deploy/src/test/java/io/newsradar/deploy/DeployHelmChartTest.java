package io.newsradar.deploy;

import static io.newsradar.deploy.DeployComposeTest.list;
import static io.newsradar.deploy.DeployComposeTest.map;
import static io.newsradar.deploy.ServiceConfig.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s/newsradar, linted and rendered by Helm itself (helm-java: Helm's Go code as a native library, so no
 * binary is needed), then read as Kubernetes objects and held against the services' configuration. Not checked:
 * the objects against a cluster's API schemas (no cluster here), and KEDA's behaviour.
 */
class DeployHelmChartTest {

    static final Path CHART = ROOT.resolve("deploy/k8s/newsradar");
    static final List<String> SERVICES = ServiceConfig.SERVICES;

    @Test
    void chartPassesHelmLintInStrictMode() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    @Test
    void rendersADeploymentServiceConfigMapAndDisruptionBudgetPerService() {
        List<Map<String, Object>> objects = render();

        for (String kind : List.of("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy")) {
            assertThat(objects).filteredOn(o -> kind.equals(o.get("kind"))).extracting(DeployHelmChartTest::name)
                    .as("%s objects", kind).containsExactlyInAnyOrderElementsOf(SERVICES);
        }
        assertThat(objects).filteredOn(o -> "Secret".equals(o.get("kind"))).extracting(DeployHelmChartTest::name)
                .containsExactly("newsradar-api-keys");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void probesAndScrapingUseTheActuatorEndpointsTheServiceExposesOnItsPort(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, Object> deployment = object(render(), "Deployment", service);
        Map<String, Object> pod = map(map(deployment.get("spec")).get("template"));
        Map<String, Object> container = container(deployment);

        assertThat(config.probesEnabled()).isTrue();
        assertThat(config.exposedEndpoints()).contains("health", "prometheus");
        assertThat(probe(container, "livenessProbe")).containsEntry("path", "/actuator/health/liveness").containsEntry("port", "http");
        assertThat(probe(container, "readinessProbe")).containsEntry("path", "/actuator/health/readiness").containsEntry("port", "http");
        assertThat(map(list(container.get("ports")).get(0))).containsEntry("name", "http").containsEntry("containerPort", config.serverPort());
        assertThat(map(map(pod.get("metadata")).get("annotations")))
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/actuator/prometheus")
                .containsEntry("prometheus.io/port", String.valueOf(config.serverPort()));
        Map<String, Object> servicePort = map(list(map(object(render(), "Service", service).get("spec")).get("ports")).get(0));
        assertThat(servicePort).containsEntry("port", config.serverPort()).containsEntry("targetPort", "http");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void sizesTheHeapByTheContainersMemoryLimit(String service) {
        Map<String, Object> container = container(object(render(), "Deployment", service));
        Map<String, Object> resources = map(container.get("resources"));

        assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
        assertThat(map(resources.get("limits"))).containsKey("memory");
        assertThat(env(container, "JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=");
    }

    @Test
    void givesIngestLongerToStopThanItsRegistryReleaseTimeout() {
        long releaseTimeout = ServiceConfig.of("ingest-service").duration("newsradar.ingest.registry.release-timeout").toSeconds();
        Map<String, Object> pod = map(map(map(object(render(), "Deployment", "ingest-service").get("spec")).get("template")).get("spec"));

        assertThat(((Number) pod.get("terminationGracePeriodSeconds")).longValue()).isGreaterThanOrEqualTo(30).isGreaterThan(releaseTimeout);
    }

    @Test
    void kedaScalesClassifyAndIndexOnTheirConsumerGroupsLagUpToTheirTopicsPartitions() throws IOException {
        List<Map<String, Object>> objects = render();
        Map<String, Object> topics = map(values().get("topics"));

        assertThat(objects).filteredOn(o -> "ScaledObject".equals(o.get("kind"))).extracting(DeployHelmChartTest::name)
                .containsExactlyInAnyOrder("classify-service", "index-service");
        for (String service : List.of("classify-service", "index-service")) {
            ServiceConfig config = ServiceConfig.of(service);
            String binding = config.inputBindings().get(0);
            Map<String, Object> spec = map(object(objects, "ScaledObject", service).get("spec"));
            Map<String, Object> trigger = map(list(spec.get("triggers")).get(0));
            Map<String, Object> metadata = map(trigger.get("metadata"));
            int partitions = topics.values().stream().map(DeployComposeTest::map)
                    .filter(t -> t.get("name").equals(config.destination(binding))).map(t -> (Integer) t.get("partitions"))
                    .findFirst().orElseThrow(() -> new AssertionError("no partition count in values.yaml for " + config.destination(binding)));

            assertThat(trigger).containsEntry("type", "kafka");
            assertThat(metadata).containsEntry("consumerGroup", config.group(binding))
                    .containsEntry("topic", config.destination(binding))
                    .containsEntry("bootstrapServers", map(values().get("kafka")).get("bootstrapServers"))
                    .containsKey("lagThreshold");
            assertThat(spec).containsEntry("maxReplicaCount", partitions);
            assertThat(map(spec.get("scaleTargetRef"))).containsEntry("name", service);
            assertThat(map(object(objects, "Deployment", service).get("spec"))).as("KEDA owns the replicas").doesNotContainKey("replicas");
        }
        assertThat(map(object(objects, "Deployment", "ingest-service").get("spec"))).containsKey("replicas");
    }

    @Test
    void withKedaOffEveryDeploymentRunsItsConfiguredReplicas() {
        List<Map<String, Object>> objects = render("keda.enabled", "false");

        assertThat(objects).noneMatch(o -> "ScaledObject".equals(o.get("kind")));
        SERVICES.forEach(service -> assertThat(map(object(objects, "Deployment", service).get("spec"))).containsKey("replicas"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void configMapSetsOnlySettingsTheServiceReads(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, Object> data = map(object(render(), "ConfigMap", service).get("data"));
        List<String> variables = new ArrayList<>(data.keySet());
        env(container(object(render(), "Deployment", service))).forEach(e -> variables.add(map(e).get("name").toString()));

        assertThat(data).isNotEmpty().doesNotContainValue("");
        assertThat(variables).filteredOn(v -> v.startsWith("SPRING_") || v.startsWith("NEWSRADAR_") || v.startsWith("SERVER_"))
                .allSatisfy(v -> assertThat(config.reads(v)).as("%s maps to a key of %s.yml", v, service).isTrue());
    }

    @Test
    void givesTheGatewayItsApiKeysFromTheSecretAsSettingsItReads() {
        List<Map<String, Object>> objects = render("apiKeys.keys[0].name", "newsroom",
                "apiKeys.keys[0].sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "apiKeys.keys[0].role", "reader");
        Map<String, Object> secret = map(object(objects, "Secret", "newsradar-api-keys").get("stringData"));
        ServiceConfig gateway = ServiceConfig.of("api-gateway");

        assertThat(secret).containsEntry("NEWSRADAR_GATEWAY_API_KEYS_0_ROLE", "reader").hasSize(3);
        assertThat(secret.keySet()).allSatisfy(v -> assertThat(gateway.reads(v)).as(v).isTrue());
        assertThat(list(container(object(objects, "Deployment", "api-gateway")).get("envFrom")))
                .anySatisfy(from -> assertThat(map(map(from).get("secretRef"))).containsEntry("name", "newsradar-api-keys"));
        assertThat(list(container(object(objects, "Deployment", "ingest-service")).get("envFrom"))).hasSize(1);
    }

    @Test
    void onlyTheGatewaysServiceMayTakeATypeThatPublishesIt() {
        assertThat(render()).filteredOn(o -> "Service".equals(o.get("kind")))
                .allSatisfy(service -> assertThat(map(service.get("spec"))).containsEntry("type", "ClusterIP"));

        List<Map<String, Object>> asked = render("services.ingest.service.type", "LoadBalancer",
                "services.index.service.type", "NodePort", "services.gateway.service.type", "LoadBalancer");
        for (String service : SERVICES) {
            assertThat(map(object(asked, "Service", service).get("spec"))).as("type of %s", service)
                    .containsEntry("type", service.equals("api-gateway") ? "LoadBalancer" : "ClusterIP");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void networkPolicyLetsOnlyTheGatewayBeReachedFromOutsideTheRelease(String service) {
        Map<String, Object> peer = Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring")));
        for (List<Map<String, Object>> objects : List.of(render(),
                render("networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name", "monitoring"))) {
            Map<String, Object> spec = map(object(objects, "NetworkPolicy", service).get("spec"));
            List<Object> ingress = list(spec.get("ingress"));

            assertThat(list(spec.get("policyTypes"))).containsExactly("Ingress");
            assertThat(map(map(spec.get("podSelector")).get("matchLabels"))).containsEntry("app.kubernetes.io/name", service);
            assertThat(ingress).hasSize(1);
            Map<String, Object> rule = map(ingress.get(0));
            assertThat(list(rule.get("ports"))).containsExactly(Map.of("port", "http"));
            if (service.equals("api-gateway")) {
                assertThat(rule).as("the gateway is open to all").doesNotContainKey("from");
            } else {
                List<Object> from = list(rule.get("from"));
                assertThat(map(map(map(from.get(0)).get("podSelector")).get("matchLabels")))
                        .containsEntry("app.kubernetes.io/instance", "newsradar").containsEntry("app.kubernetes.io/part-of", "newsradar");
                assertThat(from.subList(1, from.size())).isIn(List.of(), List.of(peer));
            }
        }
        assertThat(render("networkPolicy.enabled", "false")).noneMatch(o -> "NetworkPolicy".equals(o.get("kind")));
    }

    @Test
    void rendersNoSecretOutsideSecretsAndNoDevelopmentProfile() {
        Pattern secretName = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_KEY|SHA256|CREDENTIAL|_KEY)(_\\d+)?.*");
        List<Map<String, Object>> objects = render("apiKeys.keys[0].name", "newsroom",
                "apiKeys.keys[0].sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "elasticsearch.existingSecret", "es-credentials");

        for (Map<String, Object> object : objects) {
            if ("ConfigMap".equals(object.get("kind"))) {
                assertThat(map(object.get("data")).keySet()).as("ConfigMap %s", name(object)).noneMatch(k -> secretName.matcher(k).matches());
            }
            if ("Deployment".equals(object.get("kind"))) {
                env(container(object)).stream().map(DeployComposeTest::map).filter(e -> secretName.matcher(e.get("name").toString()).matches())
                        .forEach(e -> assertThat(e).as("%s of %s comes from a Secret", e.get("name"), name(object))
                                .doesNotContainKey("value").containsKey("valueFrom"));
            }
            assertThat(new Yaml().dump(object)).as("%s %s", object.get("kind"), name(object))
                    .doesNotContainPattern("(?i)SPRING_PROFILES_ACTIVE|spring\\.profiles\\.active|--spring\\.profiles");
        }
        assertThat(objects).filteredOn(o -> !"Secret".equals(o.get("kind")))
                .allSatisfy(o -> assertThat(new Yaml().dump(o)).doesNotContain("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    }

    @Test
    void refusesAnApiKeyGivenInsteadOfItsDigest() {
        assertThatThrownBy(() -> render("apiKeys.keys[0].name", "newsroom", "apiKeys.keys[0].sha256", "my-plain-api-key"))
                .hasMessageContaining("apiKeys.keys[0].sha256 must be the key's hex SHA-256");
    }

    static List<Map<String, Object>> render(String... settings) {
        TemplateCommand template = new Helm(CHART).template().withName("newsradar");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            template = template.set(settings[i], settings[i + 1]);
        }
        Iterable<Object> documents = new Yaml().loadAll(template.call());
        return StreamSupport.stream(documents.spliterator(), false).filter(d -> d != null).map(DeployComposeTest::map).toList();
    }

    private static Map<String, Object> values() throws IOException {
        try (Reader reader = Files.newBufferedReader(CHART.resolve("values.yaml"))) {
            return new Yaml().load(reader);
        }
    }

    private static String name(Map<String, Object> object) {
        return map(object.get("metadata")).get("name").toString();
    }

    private static Map<String, Object> object(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered chart"));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        return map(list(pod.get("containers")).get(0));
    }

    private static Map<String, Object> probe(Map<String, Object> container, String probe) {
        return map(map(container.get(probe)).get("httpGet"));
    }

    private static List<Object> env(Map<String, Object> container) {
        return list(container.get("env"));
    }

    private static String env(Map<String, Object> container, String name) {
        return env(container).stream().map(DeployComposeTest::map).filter(e -> name.equals(e.get("name")))
                .map(e -> e.get("value").toString()).findFirst().orElseThrow(() -> new AssertionError("no env " + name));
    }
}
