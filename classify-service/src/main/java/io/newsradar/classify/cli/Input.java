package io.newsradar.classify.cli;

import io.newsradar.classify.Classification;
import io.newsradar.classify.Classifier;
import tools.jackson.databind.JsonNode;

/**
 * One input line of the command line and the evaluation set: {@code {"id", "text"}} (a whole page's text) or
 * {@code {"id", "title", "summary", "body", "lang", "url"}} (a structured story).
 */
public record Input(JsonNode id, String text, String title, String summary, String body, String lang) {

    /**
     * Reads an input object.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Input of(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        JsonNode id = node.get("id");
        if (id == null || !(id.isString() || id.isNumber())) {
            throw new IllegalArgumentException("\"id\" must be a string or a number");
        }
        String text = string(node, "text");
        String title = string(node, "title");
        String summary = string(node, "summary");
        String body = string(node, "body");
        if (text == null && title == null && summary == null && body == null) {
            throw new IllegalArgumentException("expected \"text\", or \"title\"/\"summary\"/\"body\"; found none of them");
        }
        if (text != null && (title != null || body != null)) {
            throw new IllegalArgumentException("give either \"text\" (a whole page) or \"title\"/\"summary\"/\"body\", not both");
        }
        return new Input(id, text, title, summary, body, string(node, "lang"));
    }

    /** What the fitted decisions read of this input, as {@link #classify} reads it; {@code null} in a language it does not read. */
    public Classifier.Decisions decisions(Classifier classifier) {
        return classifier.decisions(text, title, summary, body, lang);
    }

    public Classification classify(Classifier classifier) {
        return text != null ? classifier.classifyPage(text, lang) : classifier.classify(title, summary, body, lang);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return value.stringValue();
    }
}
