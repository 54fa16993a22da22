package io.newsradar.classify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CommandLineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        CommandLine cli = new CommandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    private List<JsonNode> outputLines() {
        return out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    @Test
    void writesOneLinePerInputLineInOrderWithAnErrorForEachBadLine() {
        String in = String.join("\n",
                "{\"id\": \"a\", \"title\": \"Japan and Vietnam sign a labour deal\", \"summary\": \"Japan will take more Vietnamese technical intern trainees.\", \"body\": \"\", \"lang\": \"en\"}",
                "{not json",
                "[1, 2]",
                "{\"id\": 7}",
                "{\"id\": \"e\", \"text\": \"Hôm nay trời đẹp\\nKhông có tin gì đáng chú ý trong ngày hôm nay ở đây cả.\"}") + "\n";

        int status = run(in, "classify");

        List<JsonNode> lines = outputLines();
        assertThat(status).isZero();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("id").asString()).isEqualTo("a");
        assertThat(lines.get(0).at("/classification/pair/key").asString()).isEqualTo("JP-VN");
        assertThat(lines.get(0).at("/classification/version").asString()).isNotBlank();
        assertThat(lines.get(1).get("error").asString()).startsWith("line 2: not valid JSON");
        assertThat(lines.get(2).get("error").asString()).isEqualTo("line 3: expected a JSON object, found array");
        assertThat(lines.get(3).get("id").asInt()).isEqualTo(7);
        assertThat(lines.get(3).get("error").asString()).contains("line 4", "\"text\"");
        assertThat(lines.get(4).at("/classification/pair").isNull()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("classified 5 lines (3 errors)");
    }

    @Test
    void givesEveryTagItsScoreAndEvidence() {
        run("{\"id\": 1, \"title\": \"Tỉnh Gunma mời doanh nghiệp đầu tư vào Việt Nam\", \"summary\": \"Thống đốc tỉnh Gunma (Nhật Bản) cam kết thúc đẩy đầu tư và đưa thêm thực tập sinh Việt Nam sang làm việc.\", \"body\": \"\"}\n",
                "classify");

        JsonNode c = outputLines().get(0).get("classification");
        assertThat(c.at("/pair/key").asString()).isEqualTo("JP-VN");
        JsonNode gunma = c.get("regions").get(0);
        assertThat(gunma.get("code").asString()).isEqualTo("JP-10");
        assertThat(gunma.get("country").asString()).isEqualTo("JP");
        assertThat(gunma.get("current").asString()).isEqualTo("JP-10");
        assertThat(gunma.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(gunma.at("/evidence/0/phrase").asString()).isEqualTo("Gunma");
        assertThat(gunma.at("/evidence/0/field").asString()).isEqualTo("title");
        assertThat(c.get("topics").findValuesAsString("topic")).contains("investment");
    }

    @Test
    void readsAndWritesFiles(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path outFile = dir.resolve("out.jsonl");
        Files.writeString(in, "{\"id\": \"x\", \"title\": \"Vietnam, Japan expand cooperation\", \"body\": \"\"}\n");

        assertThat(run("", "classify", "--in", in.toString(), "--out", outFile.toString())).isZero();

        assertThat(Files.readAllLines(outFile)).singleElement().satisfies(line -> assertThat(line).contains("\"id\":\"x\""));
    }

    @Test
    void explainsAWrongCommandLine() {
        assertThat(run("", "classify", "--bogus", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--bogus' for classify", "usage:");
    }

    @Test
    void failsWithTheFileNameWhenTheInputIsMissing() {
        assertThat(run("", "classify", "--in", "/nonexistent/articles.jsonl")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/nonexistent/articles.jsonl");
    }

    @Test
    void evaluatesALabelledFileOfPagesWithTheTuneAndCheckPartsOfAFold() {
        int status = run("", "evaluate", "--labelled", "src/test/resources/labelled/pages.jsonl", "--folds", "2", "--fold", "1");

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(report).contains("on pages.jsonl, 7 articles read as pages, 2 folds by the SHA-256 of the id");
        assertThat(report.lines().filter(l -> !l.startsWith(" ")).map(l -> l.split(" {2,}")[0]))
                .containsExactly("classifier 1.1.0 on pages.jsonl, 7 articles read as pages, 2 folds by the SHA-256 of the id",
                        "part", "all", "tune (not fold 1)", "check (fold 1)",
                        "topic F1", "all", "tune (not fold 1)", "check (fold 1)");
        assertThat(report).contains("all                        7  1.000     0.900    0.800        0.800        0.833");
    }

    @Test
    void fitsTheTopicDecisionsAndWritesWeightsTheClassifierReads(@TempDir Path dir) throws Exception {
        Path weights = dir.resolve("model/weights.tsv");
        int status = run("", "fit", "--labelled", "src/test/resources/labelled/pages.jsonl", "--folds", "2",
                "--out", weights.toString());

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report).contains("fitted on 7 articles, 7 of them scored out of fold (2 folds)")
                .contains("expected calibration error").contains("weights written to " + weights)
                .containsPattern("pair decision, out of fold on 7 articles: hand rule [01]\\.\\d{3}, model [01]\\.\\d{3}");
        assertThat(report.lines().map(l -> l.split(" +")[0]))
                .contains("investment", "aid", "culture", "labour", "micro", "macro");
        String file = Files.readString(weights);
        assertThat(file).contains("classifier\t1.1.0").contains("data\tpages.jsonl\t").contains("folds\t2");
        // A topic is written only where its model beat the hand rule out of fold; whatever is written loads
        io.newsradar.classify.model.ModelFile loaded = io.newsradar.classify.model.ModelFile.load(dir);
        loaded.models().keySet().stream().filter(name -> name.startsWith("topic.")).forEach(name -> assertThat(report)
                .containsPattern("(?m)^" + name.substring("topic.".length()) + " .* model$"));
        assertThat(report).containsPattern("region decision, out of fold on 7 articles: hand rule F1 [01]\\.\\d{3}, model F1 [01]\\.\\d{3}");
        assertThat(report.lines().filter(l -> !l.startsWith("pair") && !l.startsWith("region") && l.endsWith("hand rule")).count()
                + loaded.models().keySet().stream().filter(name -> name.startsWith("topic.")).count()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no labelled data     | --out w.tsv                                         | fit needs --labelled FILE or --set",
            "no weights file      | --labelled src/test/resources/labelled/pages.jsonl  | fit needs --out FILE",
            "a penalty of zero    | --labelled x --out w.tsv --lambda 0                 | --lambda is a positive number; was 0",
            "a penalty not a number | --labelled x --out w.tsv --lambda much            | --lambda is a positive number; was much",
            "a set weight of zero | --labelled x --out w.tsv --set-weight 0             | --set-weight is a whole number from 1; was 0"})
    void explainsAWrongFit(String name, String options, String message) {
        List<String> args = new java.util.ArrayList<>(List.of("fit"));
        args.addAll(List.of(options.trim().split(" +")));

        assertThat(run("", args.toArray(String[]::new))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a fold without folds        | --fold 1                  | --fold needs --folds",
            "one fold                    | --folds 1                 | --folds is a whole number from 2; was 1",
            "a fold past the last        | --folds 3 --fold 4        | --fold is 1 to 3; was 4",
            "a fold that is not a number | --folds 3 --fold two      | --fold is a whole number from 1; was two",
            "the project's split too     | --split test              | --set and --split are for the project's set"})
    void explainsAWrongEvaluationOfALabelledFile(String name, String options, String message) {
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--labelled", "src/test/resources/labelled/pages.jsonl"));
        args.addAll(List.of(options.split(" ")));

        assertThat(run("", args.toArray(String[]::new))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message, "usage:");
    }

    @Test
    void keepsFoldsForALabelledFile() {
        assertThat(run("", "evaluate", "--folds", "5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--folds and --fold go with --labelled");
    }
}
