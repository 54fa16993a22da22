package io.newsradar.e2e;

import static io.newsradar.e2e.ServiceConfig.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose cannot run here (no Docker engine): these tests keep what it names equal to the project — the
 * services and their modules, ports, settings, topics and versions. They read the files; whether the images build
 * and the containers start is not checked.
 */
class DeployComposeTest {

    static final Path COMPOSE = ROOT.resolve("deploy/compose");
    static final List<String> SERVICES = ServiceConfig.SERVICES;

    @Test
    void buildsExactlyTheFourServicesEachFromItsOwnModule() throws IOException {
        String parentPom = Files.readString(ROOT.resolve("pom.xml"));
        Map<String, Map<String, Object>> built = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (map(service).containsKey("build")) {
                built.put(name, map(map(service).get("build")));
            }
        });

        assertThat(built.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        built.forEach((name, build) -> {
            assertThat(map(build.get("args"))).as("build args of %s", name).containsEntry("SERVICE", name);
            assertThat(ROOT.resolve(name).resolve("pom.xml")).as("module %s", name).isRegularFile();
            assertThat(parentPom).contains("<module>" + name + "</module>");
            assertThat(ROOT.resolve(name).resolve("src/main/resources/" + name + ".yml")).isRegularFile();
            assertThat(COMPOSE.resolve(build.get("context").toString()).normalize()).isEqualTo(ROOT);
            assertThat(ROOT.resolve(build.get("dockerfile").toString())).isRegularFile();
        });
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void publishesEachServiceOnItsServerPort(String name) {
        int port = ServiceConfig.of(name).serverPort();
        Map<String, Object> service = map(services().get(name));

        assertThat(map(map(service.get("build")).get("args")).get("PORT")).hasToString(String.valueOf(port));
        assertThat(list(service.get("ports"))).isNotEmpty().allSatisfy(mapping ->
                assertThat(mapping.toString()).as("a port of %s", name).endsWith(":" + port));
        if (service.containsKey("expose")) {
            assertThat(list(service.get("expose"))).allSatisfy(exposed -> assertThat(exposed).hasToString(String.valueOf(port)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void setsOnlySettingsTheServiceReads(String name) {
        ServiceConfig config = ServiceConfig.of(name);
        Map<String, Object> environment = map(map(services().get(name)).get("environment"));

        assertThat(environment.keySet()).isNotEmpty()
                .filteredOn(variable -> variable.startsWith("SPRING_") || variable.startsWith("NEWSRADAR_"))
                .allSatisfy(variable -> assertThat(config.reads(variable))
                        .as("%s maps (relaxed binding) to a key of %s.yml or ServiceConfig.KNOWN_PROPERTIES", variable, name)
                        .isTrue());
    }

    @Test
    void pointsTheServicesAtTheComposeKafkaAndElasticsearch() {
        Map<String, Object> kafka = map(map(services().get("kafka")).get("environment"));
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS").toString()).contains("PLAINTEXT://kafka:9092");
        for (String name : SERVICES) {
            Map<String, Object> environment = map(map(services().get(name)).get("environment"));
            environment.forEach((variable, value) -> {
                if (variable.endsWith("_BROKERS") || variable.endsWith("_BOOTSTRAP_SERVERS")) {
                    assertThat(value).as("%s of %s", variable, name).hasToString("kafka:9092");
                }
            });
            boolean needsElasticsearch = ServiceConfig.of(name).get("spring.elasticsearch.uris") != null;
            assertThat(environment.get("SPRING_ELASTICSEARCH_URIS")).as("SPRING_ELASTICSEARCH_URIS of %s", name)
                    .isEqualTo(needsElasticsearch ? "http://elasticsearch:9200" : null);
        }
        assertThat(map(services().get("api-gateway")).get("environment").toString())
                .as("the gateway's feed registry reads its own Kafka property").contains("NEWSRADAR_GATEWAY_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void createsEveryContractTopicWithSixPartitionsAndCompactsTheRegistryTopics() {
        Map<String, Object> topics = map(services().get("kafka-topics"));
        String script = String.join("\n", list(topics.get("command")).stream().map(Object::toString).toList());
        Pattern create = Pattern.compile("(?m)^.*kafka-topics\\.sh .*--create .*$");
        List<String> created = new ArrayList<>();
        Matcher line = create.matcher(script);
        while (line.find()) {
            String command = line.group();
            String topic = option(command, "--topic");
            created.add(topic);
            assertThat(option(command, "--partitions")).as("partitions of %s", topic).isEqualTo("6");
            boolean compacted = Topics.COMPACTED.contains(topic);
            assertThat(command.contains("--config cleanup.policy=compact")).as("%s compacted", topic).isEqualTo(compacted);
            assertThat(command.contains("--config segment.ms=3600000")).as("%s segment.ms", topic).isEqualTo(compacted);
        }

        assertThat(created).containsExactlyElementsOf(Topics.ALL);
        assertThat(map(map(topics.get("depends_on")).get("kafka"))).containsEntry("condition", "service_healthy");
        SERVICES.forEach(name -> assertThat(map(map(map(services().get(name)).get("depends_on")).get("kafka-topics")))
                .as("%s starts after the topics exist", name).containsEntry("condition", "service_completed_successfully"));
    }

    @Test
    void runsTheKafkaAndElasticsearchVersionsTheBuildTestsAgainst() throws IOException {
        String parentPom = Files.readString(ROOT.resolve("pom.xml"));

        assertThat(map(services().get("kafka")).get("image")).hasToString("apache/kafka:" + property(parentPom, "kafka.version"));
        assertThat(map(services().get("kafka-topics")).get("image")).isEqualTo(map(services().get("kafka")).get("image"));
        assertThat(map(services().get("elasticsearch")).get("image"))
                .hasToString("docker.elastic.co/elasticsearch/elasticsearch:" + property(parentPom, "elasticsearch-server.version"));
        assertThat(map(map(services().get("elasticsearch")).get("environment")))
                .containsEntry("discovery.type", "single-node").containsEntry("xpack.security.enabled", "false");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void imageCopiesTheExecJarMavenBuildsForTheModule(String name) throws IOException {
        String dockerfile = Files.readString(COMPOSE.resolve("Dockerfile"));
        Matcher copy = Pattern.compile("(?m)^COPY \\$\\{SERVICE}/target/(\\S+) ").matcher(dockerfile);
        assertThat(copy.find()).as("COPY of the service jar").isTrue();
        String glob = copy.group(1).replace("${SERVICE}", name);

        String jar = execJarName(name);
        assertThat(FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(jar)))
                .as("%s matches %s", jar, glob).isTrue();
        assertThat(Files.readString(COMPOSE.resolve("Dockerfile.dockerignore"))).contains("!*/target/*-exec.jar");
    }

    @Test
    void imageRunsOnTheJava17RuntimeAsANonRootUserAndChecksReadiness() throws IOException {
        String dockerfile = Files.readString(COMPOSE.resolve("Dockerfile"));

        assertThat(Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile).results().map(r -> r.group(1)))
                .containsOnly("eclipse-temurin:17-jre");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).doesNotStartWith("0").isNotEqualTo("root");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*/actuator/health/readiness");
        SERVICES.forEach(name -> assertThat(ServiceConfig.of(name).probesEnabled()).as("health probes of %s", name).isTrue());
    }

    @Test
    void mountsTheObservabilityFilesThatExist() {
        for (String name : List.of("prometheus", "grafana")) {
            list(map(services().get(name)).get("volumes")).stream().map(Object::toString)
                    .filter(volume -> volume.startsWith("."))
                    .forEach(volume -> assertThat(COMPOSE.resolve(volume.substring(0, volume.indexOf(':'))).normalize())
                            .as("mounted by %s", name).exists());
        }
    }

    /** The jar the module's build writes: {@code <finalName or artifactId-version>-exec.jar} (the parent's classifier). */
    private static String execJarName(String module) throws IOException {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        Matcher parentVersion = Pattern.compile("<artifactId>newsradar-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(parentVersion.find()).as("the version of newsradar-parent").isTrue();
        return (finalName.find() ? finalName.group(1) : module + "-" + parentVersion.group(1)) + "-exec.jar";
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
        assertThat(m.find()).as("<%s> in the parent POM", name).isTrue();
        return m.group(1);
    }

    private static String option(String command, String option) {
        Matcher m = Pattern.compile(Pattern.quote(option) + " (\\S+)").matcher(command);
        assertThat(m.find()).as("%s in: %s", option, command).isTrue();
        return m.group(1);
    }

    static Map<String, Object> services() {
        try (Reader reader = Files.newBufferedReader(COMPOSE.resolve("compose.yaml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return map(compose.get("services"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }
}
