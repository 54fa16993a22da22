package io.newsradar.story.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String fixture, String... args) throws IOException {
        try (InputStream in = CommandLineTest.class.getResourceAsStream("/articles/" + fixture)) {
            return new CommandLine(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        }
    }

    private List<JsonNode> lines() {
        JsonMapper json = JsonMapper.builder().build();
        return out.toString(StandardCharsets.UTF_8).lines().map(json::readTree).toList();
    }

    @Test
    void writesOneLinePerArticleWithItsStoryAndAnErrorForEachBadLine() throws IOException {
        int status = run("with-bad-lines.jsonl", "cluster");

        assertThat(status).isZero();
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("story").asString()).isEqualTo("fx-a");
        assertThat(lines.get(1).get("error").asString()).startsWith("line 2: not valid JSON");
        assertThat(lines.get(2).get("error").asString()).isEqualTo("line 3: no \"id\"");
        assertThat(lines.get(3).get("story").asString()).isEqualTo("fx-a");
        assertThat(lines.get(3).get("numbers").toString()).contains("#8500000", "#14");
    }

    @Test
    void aThresholdAboveEveryScoreLeavesEachArticleInItsOwnStory() throws IOException {
        run("with-bad-lines.jsonl", "cluster", "--threshold", "1.01");

        assertThat(lines().get(3).get("story").asString()).isEqualTo("fx-b");
    }

    @Test
    void anUnknownOptionIsBadUsage() throws IOException {
        assertThat(run("with-bad-lines.jsonl", "cluster", "--inn", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown or incomplete option --inn", "usage:");
    }
}
