package io.newsradar.deploy;

import static io.newsradar.deploy.ServiceConfig.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose cannot run here (no Docker engine): these tests keep what it names equal to the project — the
 * services and their modules, ports, settings, topics and versions — and hold it to what it must not do: publish
 * anything but the gateway, write a key or password in the file, or run a development profile. They read the files
 * and run make-secrets; whether the images build and the containers start is not checked.
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

    @Test
    void publishesOnlyTheGatewayPort() {
        int gateway = ServiceConfig.of("api-gateway").serverPort();
        Map<String, List<Object>> published = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (map(service).containsKey("ports")) {
                published.put(name, list(map(service).get("ports")));
            }
        });

        assertThat(published).containsOnlyKeys("api-gateway");
        assertThat(published.get("api-gateway")).extracting(Object::toString).containsExactly(gateway + ":" + gateway);
        assertThat(map(services().get("api-gateway"))).doesNotContainKey("network_mode");
        services().forEach((name, service) -> assertThat(map(service).get("network_mode")).as("network_mode of %s", name)
                .isNotEqualTo("host"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void buildsEachServiceForItsServerPortAndExposesTheOthersInsideTheNetworkOnly(String name) {
        int port = ServiceConfig.of(name).serverPort();
        Map<String, Object> service = map(services().get(name));

        assertThat(map(map(service.get("build")).get("args")).get("PORT")).hasToString(String.valueOf(port));
        if (!name.equals("api-gateway")) {
            assertThat(list(service.get("expose"))).extracting(Object::toString).containsExactly(String.valueOf(port));
        }
    }

    @Test
    void runsNoServiceWithTheLocalProfile() throws IOException {
        for (Path file : List.of(COMPOSE.resolve("compose.yaml"), COMPOSE.resolve("compose.localhost.yaml"))) {
            String text = Files.readString(file);
            assertThat(text).as("%s", file).doesNotContainPattern("(?i)SPRING_PROFILES_ACTIVE|spring\\.profiles\\.active");
        }
        services().forEach((name, service) -> {
            Map<String, Object> environment = map(service).containsKey("environment") ? map(map(service).get("environment")) : Map.of();
            assertThat(environment.keySet()).as("environment of %s", name).noneMatch(v -> v.toUpperCase(Locale.ROOT).contains("PROFILE"));
        });
    }

    @Test
    void writesNoSecretValueAndTakesKeysFromSecretFilesGitIgnores() throws IOException {
        Pattern secretName = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_KEY|SHA256|CREDENTIAL|_KEY)(_\\d+)?.*");
        services().forEach((name, service) -> {
            Map<String, Object> environment = map(service).containsKey("environment") ? map(map(service).get("environment")) : Map.of();
            environment.forEach((variable, value) -> {
                if (secretName.matcher(variable).matches()) {
                    assertThat(variable).as("%s of %s names a file, not a value", variable, name).endsWith("__FILE");
                    assertThat(value.toString()).startsWith("/run/secrets/");
                }
            });
        });
        for (Path file : List.of(COMPOSE.resolve("compose.yaml"), COMPOSE.resolve("compose.localhost.yaml"))) {
            assertThat(Files.readString(file)).as("a digest or key written in %s", file).doesNotContainPattern("\\b[0-9a-fA-F]{40,}\\b");
        }

        Map<String, Object> secrets = map(compose().get("secrets"));
        assertThat(secrets).containsOnlyKeys("api-gateway-settings", "grafana-admin-password");
        secrets.values().forEach(secret -> assertThat(map(secret).get("file").toString()).startsWith("./secrets/"));
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("deploy/compose/secrets/");

        Map<String, Object> gateway = map(services().get("api-gateway"));
        Map<String, Object> mounted = map(list(gateway.get("secrets")).get(0));
        assertThat(mounted).containsEntry("source", "api-gateway-settings");
        assertThat(map(gateway.get("environment")))
                .containsEntry("SPRING_CONFIG_IMPORT", "file:/run/secrets/" + mounted.get("target"));
        assertThat(list(map(services().get("grafana")).get("secrets"))).containsExactly("grafana-admin-password");
        assertThat(map(map(services().get("grafana")).get("environment")))
                .containsEntry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana-admin-password");
    }

    @Test
    void makeSecretsWritesTheFilesComposeMountsWithTheKeyOnlyAsItsDigest(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("secrets");
        String output = makeSecrets(dir);
        Matcher printed = Pattern.compile("admin API key [^:]*: (\\S+)").matcher(output);
        assertThat(printed.find()).as("the key, printed once: %s", output).isTrue();
        String key = printed.group(1);

        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("api-gateway.properties"))) {
            settings.load(reader);
        }
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(settings).containsEntry("newsradar.gateway.api-keys[0].sha256", digest)
                .containsEntry("newsradar.gateway.api-keys[0].role", "admin");
        ServiceConfig gateway = ServiceConfig.of("api-gateway");
        settings.stringPropertyNames().forEach(property -> assertThat(gateway.reads(
                property.toUpperCase(Locale.ROOT).replaceAll("[.\\[\\]-]+", "_").replaceAll("_$", "")))
                .as("the gateway reads %s", property).isTrue());
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as("%s", file).doesNotContain(key);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Map<String, Object> secrets = map(compose().get("secrets"));
        secrets.values().forEach(secret -> assertThat(dir.resolve(Path.of(map(secret).get("file").toString()).getFileName()))
                .as("the file of secret %s", secret).isRegularFile());
        assertThat(Files.readString(dir.resolve("grafana-admin-password"))).hasSizeGreaterThanOrEqualTo(20);

        assertThat(makeSecrets(dir)).doesNotContain("admin API key").contains("kept");
        assertThat(Files.readString(dir.resolve("api-gateway.properties"))).contains(digest);
    }

    @Test
    void theLocalhostOverrideBindsEveryPortItPublishesToLoopback() throws IOException {
        Map<String, Object> override;
        try (Reader reader = Files.newBufferedReader(COMPOSE.resolve("compose.localhost.yaml"))) {
            override = map(map(new Yaml().<Map<String, Object>>load(reader)).get("services"));
        }

        assertThat(services().keySet()).containsAll(override.keySet());
        assertThat(override).containsKeys("kafka", "elasticsearch");
        override.forEach((name, service) -> assertThat(list(map(service).get("ports"))).as("ports of %s", name).isNotEmpty()
                .allSatisfy(port -> assertThat(port.toString()).startsWith("127.0.0.1:")));
        Map<String, Object> kafka = map(map(override.get("kafka")).get("environment"));
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS").toString()).contains("PLAINTEXT://kafka:9092", "HOST://localhost:19092");
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
        assertThat(kafka).containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092");
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

    private static String makeSecrets(Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(COMPOSE.resolve("make-secrets").toString(), "--dir", dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("make-secrets: %s", output).isZero();
        return output;
    }

    static Map<String, Object> services() {
        return map(compose().get("services"));
    }

    static Map<String, Object> compose() {
        try (Reader reader = Files.newBufferedReader(COMPOSE.resolve("compose.yaml"))) {
            return map(new Yaml().load(reader));
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
