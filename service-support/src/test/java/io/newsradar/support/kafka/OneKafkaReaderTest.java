package io.newsradar.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kafka is read one way: outside test-support and bench, no main source but {@link KafkaReader}'s makes a Kafka
 * consumer or polls one. The rule is checked against fixtures in each spelling first, then over every module.
 */
class OneKafkaReaderTest {

    private static final Set<String> EXEMPT_MODULES = Set.of("test-support", "bench");
    private static final Path THE_READER = Path.of("service-support/src/main/java/io/newsradar/support/kafka/KafkaReader.java");

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(OneKafkaReaderTest.class.getResource("/kafka-reading")).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void tellsASourceThatReadsKafkaItselfFromOneThatDoesNot(String fixture) throws Exception {
        String source = Files.readString(Path.of(Objects.requireNonNull(getClass().getResource("/kafka-reading/" + fixture)).toURI()));

        List<String> found = KafkaReadingSites.in(source);

        if (fixture.startsWith("makes-")) {
            assertThat(found).hasSize(1).allMatch(f -> f.endsWith("makes a Kafka consumer"));
        } else if (fixture.startsWith("polls-")) {
            assertThat(found).hasSize(1).allMatch(f -> f.endsWith("polls a Kafka consumer"));
        } else {
            assertThat(found).isEmpty();
        }
    }

    @Test
    void namesTheLineOfWhatItFinds() throws Exception {
        String source = Files.readString(Path.of(Objects.requireNonNull(getClass().getResource(
                "/kafka-reading/polls-a-consumer-it-is-given.java.txt")).toURI()));

        assertThat(KafkaReadingSites.in(source)).containsExactly("line 19: polls a Kafka consumer");
    }

    @Test
    void onlyTheSharedReaderMakesOrPollsAKafkaConsumer() throws IOException {
        Path root = projectRoot();
        Map<String, List<String>> offenders = new TreeMap<>();
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path module : dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).toList()) {
                String name = module.getFileName().toString();
                if (EXEMPT_MODULES.contains(name)) {
                    continue;
                }
                modules.add(name);
                try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                    sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                        List<String> found = KafkaReadingSites.in(read(p));
                        if (!found.isEmpty()) {
                            offenders.put(root.relativize(p).toString(), found);
                        }
                    });
                }
            }
        }

        // The scan saw the services, and its rules catch the shared reader itself: it is not looking past them.
        assertThat(modules).contains("api-gateway", "ingest-service", "index-service", "classify-service", "service-support");
        assertThat(offenders).containsKey(THE_READER.toString());
        offenders.remove(THE_READER.toString());
        assertThat(offenders).as("only %s may make or poll a KafkaConsumer; use ReaderSettings instead", THE_READER).isEmpty();
    }

    /** The checkout: the folder above this module, with the parent pom. */
    private static Path projectRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).as("the project's parent pom above service-support").exists();
        assertThat(root.resolve("service-support")).isDirectory();
        return root;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
