package io.newsradar.gateway.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a page of articles ended: the point in time the pages are read from (so they neither skip nor repeat an
 * article while others are indexed), the sort values of the page's last article, and the filters it was made for.
 * Clients see it as an opaque string, {@code payload.signature} in URL-safe base64, and pass it back as
 * {@code cursor}; the signature ({@link CursorKey}) says this gateway wrote it, and then every part is checked
 * again, so a cursor reaches Elasticsearch only as the gateway made it.
 *
 * @param pit     the Elasticsearch point in time, or empty when pages are read from the live index (newest first)
 * @param after   the sort values of the last article shown: {@code [publishedAt millis, articleId]}, preceded by the
 *                score when sorted by relevance
 * @param filters a fingerprint of the query's filters and sort: a cursor only continues the query it came from
 */
public record Cursor(String pit, List<FieldValue> after, String filters) {

    /** The longest cursor accepted, in characters; a longer one is refused before anything is decoded. */
    public static final int MAX_LENGTH = 4096;
    /** The characters a cursor is made of: two URL-safe base64 parts joined by a dot. */
    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,4000}\\.[A-Za-z0-9_-]{43}");
    private static final Pattern PIT = Pattern.compile("[A-Za-z0-9_=+/-]{0,3000}");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxNumberLength(40).build()).build())
            .build();

    public Cursor {
        after = List.copyOf(after);
    }

    /** The cursor as the client sees it, signed with the key. */
    public String encode(CursorKey key) {
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
        byte[] payload = JSON.writeValueAsBytes(node);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(key.sign(payload));
    }

    /**
     * The cursor the text holds, when this gateway's key signed it and it fits the query's sort.
     *
     * @throws InvalidQueryException naming {@code cursor} otherwise, whatever the text
     */
    public static Cursor decode(String text, CursorKey key, ArticleQuery.Sort sort) {
        checkShape(text);
        int dot = text.indexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(text.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(text.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("it is not of the form a cursor has");
        }
        if (!key.verify(payload, signature)) {
            throw invalid("its signature is not this API's (a cursor is valid only as given, and only on gateways"
                    + " that share newsradar.gateway.cursor-key)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw invalid("it is not readable");
        }
        if (node == null || !node.isObject() || node.size() != 3 || !node.path("p").isString()
                || !node.path("f").isString() || !node.path("a").isArray()) {
            throw invalid("its parts are not those of a cursor");
        }
        if (!PIT.matcher(node.path("p").stringValue()).matches() || !FINGERPRINT.matcher(node.path("f").stringValue()).matches()) {
            throw invalid("its parts are not those of a cursor");
        }
        return new Cursor(node.path("p").stringValue(), after(node.path("a"), sort), node.path("f").stringValue());
    }

    /** Length and alphabet alone, for the query parameter: the signature is checked where the key is known. */
    static void checkShape(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQueryException("cursor", "cursor must be at most " + MAX_LENGTH + " characters, was " + text.length());
        }
        if (!SHAPE.matcher(text).matches()) {
            throw invalid("it is not of the form a cursor has");
        }
    }

    /** The sort values, which must be those of the sort: {@code [score,] publishedAt millis, articleId}. */
    private static List<FieldValue> after(JsonNode values, ArticleQuery.Sort sort) {
        int arity = sort == ArticleQuery.Sort.RELEVANCE ? 3 : 2;
        if (values.size() != arity) {
            throw invalid("it holds " + values.size() + " sort values where this sort has " + arity);
        }
        List<FieldValue> after = new ArrayList<>();
        int i = 0;
        if (sort == ArticleQuery.Sort.RELEVANCE) {
            JsonNode score = values.get(i++);
            if (!score.isNumber() || !Double.isFinite(score.doubleValue())) {
                throw invalid("its score is not a number");
            }
            after.add(FieldValue.of(score.doubleValue()));
        }
        JsonNode published = values.get(i++);
        if (!published.isIntegralNumber() || !published.canConvertToLong()) {
            throw invalid("its publication time is not a whole number of milliseconds");
        }
        after.add(FieldValue.of(published.longValue()));
        JsonNode id = values.get(i);
        if (!id.isString() || !ARTICLE_ID.matcher(id.stringValue()).matches()) {
            throw invalid("its article id is not one");
        }
        after.add(FieldValue.of(id.stringValue()));
        return after;
    }

    private static InvalidQueryException invalid(String why) {
        return new InvalidQueryException("cursor", "cursor must be the 'next' value of a previous page, unchanged: " + why);
    }
}
