package io.newsradar.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * One service's own configuration file ({@code <service>/src/main/resources/<service>.yml}), flattened to its
 * property keys, and how an environment variable binds to them. Deploy*Test hold deploy/ against it.
 */
final class ServiceConfig {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The six services: module name, and the input binding whose group is the stage's consumer group. */
    static final List<String> SERVICES = List.of("ingest-service", "classify-service", "index-service", "story-service",
            "alert-service", "api-gateway");

    /**
     * Settings the services read that their yml does not list, each with where it comes from. {@code [*]} is any
     * list index.
     */
    static final Map<String, String> KNOWN_PROPERTIES = Map.of(
            "spring.config.import", "Spring Boot: more configuration files (the gateway's secret settings in Compose)",
            "spring.elasticsearch.username", "ElasticsearchConnectionProperties (service-support): basic-auth user",
            "spring.elasticsearch.password", "ElasticsearchConnectionProperties (service-support): basic-auth password",
            "newsradar.gateway.api-keys[*].name", "GatewayProperties.apiKeys: listed in api-gateway.yml's comments only",
            "newsradar.gateway.api-keys[*].sha256", "GatewayProperties.apiKeys",
            "newsradar.gateway.api-keys[*].role", "GatewayProperties.apiKeys");

    private final String service;
    private final Map<String, Object> properties;

    private ServiceConfig(String service, Map<String, Object> properties) {
        this.service = service;
        this.properties = properties;
    }

    static ServiceConfig of(String service) {
        Path file = ROOT.resolve(service).resolve("src/main/resources").resolve(service + ".yml");
        assertThat(file).as("the configuration of %s", service).isRegularFile();
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", new Yaml().load(reader), flat);
            return new ServiceConfig(service, flat);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    String service() {
        return service;
    }

    /** The value of a key, as the file writes it (placeholders unresolved), or null. */
    String get(String key) {
        Object value = properties.get(key);
        return value == null ? null : value.toString();
    }

    int serverPort() {
        String port = get("server.port");
        assertThat(port).as("server.port in %s.yml", service).isNotNull();
        return Integer.parseInt(port);
    }

    List<String> exposedEndpoints() {
        String exposed = get("management.endpoints.web.exposure.include");
        return exposed == null ? List.of() : Arrays.stream(exposed.split(",")).map(String::strip).toList();
    }

    boolean probesEnabled() {
        return "true".equals(get("management.endpoint.health.probes.enabled"));
    }

    /** The consumer group of an input binding: {@code spring.cloud.stream.bindings.<binding>.group}. */
    String group(String binding) {
        return get("spring.cloud.stream.bindings." + binding + ".group");
    }

    String destination(String binding) {
        return get("spring.cloud.stream.bindings." + binding + ".destination");
    }

    /** The input bindings (those with a group), by name. */
    List<String> inputBindings() {
        Pattern group = Pattern.compile("spring\\.cloud\\.stream\\.bindings\\.([^.]+)\\.group");
        return properties.keySet().stream().map(group::matcher).filter(java.util.regex.Matcher::matches).map(m -> m.group(1)).toList();
    }

    Duration duration(String key) {
        String value = get(key);
        assertThat(value).as("%s in %s.yml", key, service).matches("\\d+s");
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }

    /**
     * Whether an environment variable sets a setting this service reads, by Spring Boot's relaxed binding: the
     * variable, lower-cased with {@code _} read as {@code .}, equals a key of the yml (or of {@link #KNOWN_PROPERTIES})
     * whose dashes are dropped or read as {@code _}, and whose list indices are {@code _<n>_}.
     */
    boolean reads(String environmentVariable) {
        String name = environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
        for (String key : properties.keySet()) {
            if (relaxedForms(key).stream().anyMatch(form -> form.equals(name))) {
                return true;
            }
        }
        return KNOWN_PROPERTIES.keySet().stream().flatMap(key -> relaxedForms(key).stream())
                .anyMatch(form -> name.matches(Pattern.quote(form).replace("[*]", "\\E\\.\\d+\\Q")));
    }

    private static List<String> relaxedForms(String key) {
        String lower = key.toLowerCase(Locale.ROOT).replaceAll("\\[(\\d+)]", ".$1");
        return List.of(lower.replace("-", "."), lower.replace("-", ""));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, into));
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.put(prefix, node);
        }
    }
}
