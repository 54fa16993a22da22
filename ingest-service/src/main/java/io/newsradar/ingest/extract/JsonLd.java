package io.newsradar.ingest.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The first schema.org article object ({@code NewsArticle}, {@code BlogPosting}, …) in the page's JSON-LD scripts. */
record JsonLd(String headline, String description, String articleBody, String datePublished, String dateModified,
        String author, String image, String section) {

    static final JsonLd NONE = new JsonLd(null, null, null, null, null, null, null, null);
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static JsonLd read(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode article = findArticle(parse(script.data()));
            if (article != null) {
                return new JsonLd(string(article, "headline"), string(article, "description"),
                        string(article, "articleBody"), string(article, "datePublished"), string(article, "dateModified"),
                        named(article.get("author")), url(article.get("image")), named(article.get("articleSection")));
            }
        }
        return NONE;
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            return null; // a broken script is common and never fatal
        }
    }

    private static JsonNode findArticle(JsonNode root) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        if (root != null) {
            todo.add(root);
        }
        while (!todo.isEmpty()) {
            JsonNode node = todo.poll();
            if (node.isArray()) {
                node.forEach(todo::add);
            } else if (node.isObject()) {
                if (isArticle(node.get("@type"))) {
                    return node;
                }
                JsonNode graph = node.get("@graph");
                if (graph != null) {
                    todo.add(graph);
                }
            }
        }
        return null;
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticle(t)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.isString() ? type.stringValue() : "";
        return name.endsWith("Article") || name.equals("BlogPosting") || name.equals("Report");
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    /** A name given as a string, an object with {@code name}, or an array of either (the first one that has one). */
    private static String named(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isArray()) {
            for (JsonNode v : value) {
                String name = named(v);
                if (name != null) {
                    return name;
                }
            }
            return null;
        }
        if (value.isObject()) {
            return string(value, "name");
        }
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    /** An image given as a URL string, an {@code ImageObject} with {@code url}, or an array of either. */
    private static String url(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isArray()) {
            return value.isEmpty() ? null : url(value.get(0));
        }
        if (value.isObject()) {
            return string(value, "url");
        }
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }
}
