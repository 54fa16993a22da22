package io.newsradar.classify.eval;

import io.newsradar.classify.cli.Input;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A labelled evaluation set: JSON Lines files of inputs (as the command line reads them) with {@code split}
 * ({@code dev} to tune on, {@code test} held out), {@code labels} ({@code pair}, {@code countries},
 * {@code regions}, {@code topics}) and {@code why}, the rationale.
 */
public record EvaluationSet(List<Item> items) {

    /** The expected tags. {@code pair} is {@code null} for none. */
    public record Labels(String pair, Set<String> countries, Set<String> regions, Set<String> topics) {
    }

    /** One labelled article. */
    public record Item(String id, String split, String lang, Input input, Labels labels, String why) {
    }

    public EvaluationSet {
        items = List.copyOf(items);
    }

    /** Reads every {@code .jsonl} file of the given files and directories. */
    public static EvaluationSet read(List<Path> paths) {
        JsonMapper json = JsonMapper.builder().build();
        List<Item> items = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : files(path)) {
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).isBlank()) {
                            items.add(item(json, file, i + 1, lines.get(i)));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the evaluation file " + file, e);
                }
            }
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("no labelled articles in " + paths);
        }
        return new EvaluationSet(items);
    }

    /** The items of one split ({@code dev}, {@code test}), or all of them. */
    public EvaluationSet split(String split) {
        return split.equals("all") ? this : new EvaluationSet(items.stream().filter(i -> i.split().equals(split)).toList());
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("the evaluation set " + path + " does not exist");
            }
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    private static Item item(JsonMapper json, Path file, int number, String line) {
        String where = file + " line " + number;
        try {
            JsonNode node = json.readTree(line);
            Input input = Input.of(node);
            JsonNode labels = node.get("labels");
            if (labels == null || !labels.isObject()) {
                throw new IllegalArgumentException("\"labels\" is missing");
            }
            String split = node.path("split").asString("dev");
            if (!split.equals("dev") && !split.equals("test")) {
                throw new IllegalArgumentException("\"split\" must be dev or test");
            }
            JsonNode pair = labels.get("pair");
            return new Item(node.get("id").asString(), split, node.path("lang").asString(""), input,
                    new Labels(pair == null || pair.isNull() ? null : pair.asString(), set(labels, "countries"),
                            set(labels, "regions"), set(labels, "topics")),
                    node.path("why").asString(""));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> set(JsonNode labels, String field) {
        Set<String> out = new TreeSet<>();
        JsonNode values = labels.get(field);
        if (values != null && values.isArray()) {
            values.forEach(v -> out.add(v.asString()));
        }
        return out;
    }
}
