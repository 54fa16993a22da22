package io.newsradar.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ./newsradar repeats a few facts the code owns; these tests keep the two from drifting apart. */
class LocalStackScriptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void createsEveryTopicOfTheContractsAndCompactsTheRegistryTopics() throws IOException {
        String script = Files.readString(ROOT.resolve("newsradar"));

        assertThat(array(script, "TOPICS")).containsExactlyElementsOf(Topics.ALL);
        assertThat(array(script, "COMPACTED")).containsExactlyElementsOf(Topics.COMPACTED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            ingest-service
            classify-service
            index-service
            api-gateway
            """)
    void startsEachServiceOnThePortItsConfigurationNames(String service) throws IOException {
        String script = Files.readString(ROOT.resolve("newsradar"));
        String config = Files.readString(ROOT.resolve(service).resolve("src/main/resources/" + service + ".yml"));

        Matcher scriptPort = Pattern.compile("\\[" + service + "]=(\\d+)").matcher(script);
        Matcher configPort = Pattern.compile("(?m)^server:\\s*\\n\\s+port: (\\d+)").matcher(config);

        assertThat(scriptPort.find()).as("port of %s in ./newsradar", service).isTrue();
        assertThat(configPort.find()).as("server.port in %s.yml", service).isTrue();
        assertThat(scriptPort.group(1)).isEqualTo(configPort.group(1));
    }

    private static List<String> array(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).as("%s=(…) in ./newsradar", name).isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }
}
