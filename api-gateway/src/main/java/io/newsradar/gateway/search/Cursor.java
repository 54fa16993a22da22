package io.newsradar.gateway.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a page of articles ended: the point in time the pages are read from (so they neither skip nor repeat an
 * article while others are indexed), the sort values of the page's last article, and the filters it was made for.
 * Clients see it as an opaque string and pass it back as {@code cursor}.
 *
 * @param pit     the Elasticsearch point in time, or empty when pages are read from the live index (newest first)
 * @param after   the sort values of the last article shown
 * @param filters a fingerprint of the query's filters and sort: a cursor only continues the query it came from
 */
public record Cursor(String pit, List<FieldValue> after, String filters) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LENGTH = 4096;

    public Cursor {
        after = List.copyOf(after);
    }

    public String encode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("p", pit);
        node.put("f", filters);
        ArrayNode values = node.putArray("a");
        for (FieldValue v : after) {
            if (v.isLong()) {
                values.add(v.longValue());
            } else if (v.isDouble()) {
                values.add(v.doubleValue());
            } else if (v.isString()) {
                values.add(v.stringValue());
            } else {
                values.addNull();
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
    }

    /** @throws InvalidQueryException when the text is not a cursor this API gave */
    public static Cursor decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (!node.path("p").isString() || !node.path("f").isString() || !node.path("a").isArray()) {
                throw invalid();
            }
            List<FieldValue> after = new ArrayList<>();
            for (JsonNode v : node.path("a")) {
                if (v.isIntegralNumber()) {
                    after.add(FieldValue.of(v.longValue()));
                } else if (v.isNumber()) {
                    after.add(FieldValue.of(v.doubleValue()));
                } else if (v.isString()) {
                    after.add(FieldValue.of(v.stringValue()));
                } else {
                    after.add(FieldValue.NULL);
                }
            }
            return new Cursor(node.path("p").stringValue(), after, node.path("f").stringValue());
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
    }

    private static InvalidQueryException invalid() {
        return new InvalidQueryException("cursor", "cursor must be the 'next' value of a previous page, unchanged");
    }
}
