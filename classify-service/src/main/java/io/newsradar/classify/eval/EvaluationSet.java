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
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * Reads a labelled file of whole pages, one {@code {"id", "lang", "text", "labels"}} object a line, as the real-news
     * excerpts are kept. Each article is classified from its {@code text} alone, as the command line's page input
     * {@code {"id", "text"}} is: its {@code lang} is kept to report by language, never given to the classifier. The
     * items' split is {@code page}; a {@code note} is read as the rationale.
     */
    public static EvaluationSet readPages(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the labelled file " + file + " does not exist");
        }
        JsonMapper json = JsonMapper.builder().build();
        List<Item> items = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    items.add(page(json, file, i + 1, lines.get(i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the labelled file " + file, e);
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("no labelled articles in " + file);
        }
        return new EvaluationSet(items);
    }

    /** The items that pass a test, in their order. */
    public EvaluationSet where(Predicate<Item> test) {
        return new EvaluationSet(items.stream().filter(test).toList());
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
            String split = node.path("split").asString("dev");
            if (!split.equals("dev") && !split.equals("test")) {
                throw new IllegalArgumentException("\"split\" must be dev or test");
            }
            return new Item(node.get("id").asString(), split, node.path("lang").asString(""), input, labels(node),
                    node.path("why").asString(""));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static Item page(JsonMapper json, Path file, int number, String line) {
        String where = file + " line " + number;
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            JsonNode text = node.get("text");
            if (text == null || !text.isString()) {
                throw new IllegalArgumentException("\"text\" must be a string");
            }
            ObjectNode page = json.createObjectNode();
            page.set("id", node.get("id"));
            page.put("text", text.stringValue());
            Input input = Input.of(page);
            return new Item(node.get("id").asString(), "page", node.path("lang").asString(""), input,
                    labels(node), node.path("note").asString(""));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static Labels labels(JsonNode node) {
        JsonNode labels = node.get("labels");
        if (labels == null || !labels.isObject()) {
            throw new IllegalArgumentException("\"labels\" is missing");
        }
        JsonNode pair = labels.get("pair");
        return new Labels(pair == null || pair.isNull() ? null : pair.asString(), set(labels, "countries"),
                set(labels, "regions"), set(labels, "topics"));
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
