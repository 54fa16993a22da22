package io.newsradar.gateway.feedadmin;

import io.newsradar.contracts.FeedSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.node.JsonNodeType;
import tools.jackson.databind.node.ObjectNode;

/** Reads what clients send the feeds routes: bodies within a size limit, and feed specs with errors naming the field. */
final class FeedRequests {

    /** How deep a feed's JSON may nest; a feed is flat, so anything deeper is not one. */
    static final int MAX_DEPTH = 16;
    private static final JsonMapper BODY = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(100).build())
            .build()).build();
    /** The JSON type of every FeedSpec field (null is allowed for each: the feed's own checks decide). */
    private static final Map<String, Set<JsonNodeType>> TYPES = types();
    private static final Pattern FIELD = Pattern.compile("\\b(schemaVersion|feedId|url|title|languageHint|pollInterval|fetchFullArticle|enabled)\\b");

    private FeedRequests() {
    }

    private static Map<String, Set<JsonNodeType>> types() {
        Map<String, Set<JsonNodeType>> types = new LinkedHashMap<>();
        types.put("schemaVersion", Set.of(JsonNodeType.NUMBER));
        for (String text : List.of("feedId", "url", "title", "languageHint")) {
            types.put(text, Set.of(JsonNodeType.STRING));
        }
        types.put("pollInterval", Set.of(JsonNodeType.STRING, JsonNodeType.NUMBER));
        types.put("fetchFullArticle", Set.of(JsonNodeType.BOOLEAN));
        types.put("enabled", Set.of(JsonNodeType.BOOLEAN));
        return Collections.unmodifiableMap(types);
    }

    /** The request body, refused with a 413 when it is longer than {@code limit} bytes. */
    static Mono<byte[]> body(ServerHttpRequest request, long limit, String what) {
        long length = request.getHeaders().getContentLength();
        if (length > limit) {
            return Mono.error(tooLarge(limit, what, null));
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, limit))
                .map(FeedRequests::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(limit, what, e));
    }

    /**
     * The feed a JSON body describes. Unknown fields are ignored; with a {@code pathId} (PUT), the body's feedId may be
     * left out, and must otherwise be the same. Whatever the bytes, the answer is a feed or an
     * {@link InvalidFeedException} naming the field when there is one: JSON nested past {@link #MAX_DEPTH} levels,
     * a field of the wrong type, malformed or truncated text.
     */
    static FeedSpec spec(byte[] body, String pathId) {
        ObjectNode object = object(body);
        for (Map.Entry<String, Set<JsonNodeType>> field : TYPES.entrySet()) {
            JsonNode value = object.get(field.getKey());
            if (value != null && !value.isNull() && !field.getValue().contains(value.getNodeType())) {
                throw new InvalidFeedException(field.getKey(), field.getKey() + " must be " + field.getValue().stream()
                        .map(FeedRequests::describe).sorted().collect(Collectors.joining(" or ")) + ", was " + describe(value.getNodeType()));
            }
        }
        if (pathId != null) {
            JsonNode given = object.get("feedId");
            if (given != null && !given.isNull() && !given.stringValue().equals(pathId)) {
                throw new InvalidFeedException("feedId", "the body's feedId '" + given.stringValue() + "' is not the path's '" + pathId + "'");
            }
            object.put("feedId", pathId);
        }
        try {
            return BODY.treeToValue(object, FeedSpec.class);
        } catch (ValueInstantiationException e) {
            String message = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            return invalid(field(message), message);
        } catch (JacksonException e) {
            String field = path(e);
            return invalid(field, (field == null ? "" : field + ": ") + e.getOriginalMessage());
        }
    }

    /** The body as a JSON object, read within the depth bound, or a refusal naming where it went wrong. */
    private static ObjectNode object(byte[] body) {
        JsonNode tree;
        JsonParser parser = null;
        try {
            // Creating the parser already reads the first bytes, to detect their encoding: inside the try.
            parser = BODY.createParser(body);
            tree = BODY.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                throw new InvalidFeedException(null, "the body must be one JSON object; more follows it");
            }
        } catch (JacksonException e) {
            String field = parser == null ? null : topField(parser.streamReadContext());
            throw new InvalidFeedException(field, "the body is not valid JSON" + (field == null ? "" : " in " + field) + ": "
                    + e.getOriginalMessage());
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            throw new InvalidFeedException(null, "the body must be a feed as a JSON object: {\"feedId\": …, \"url\": …}");
        }
        return (ObjectNode) tree;
    }

    /** The top-level field the parser was in, or {@code null} outside one. */
    private static String topField(TokenStreamContext context) {
        TokenStreamContext c = context;
        while (c != null && c.getParent() != null && !c.getParent().inRoot()) {
            c = c.getParent();
        }
        return c != null && c.inObject() && c.currentName() != null ? c.currentName() : null;
    }

    private static String describe(JsonNodeType type) {
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            default -> "null";
        };
    }

    private static FeedSpec invalid(String field, String message) {
        throw new InvalidFeedException(field, message);
    }

    /** The first FeedSpec field a validation message names. */
    private static String field(String message) {
        Matcher m = FIELD.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : null;
    }

    private static String path(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        return path.stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static InvalidFeedException tooLarge(long limit, String what, Throwable cause) {
        return new InvalidFeedException(null, what + " must be at most " + limit + " bytes", HttpStatus.CONTENT_TOO_LARGE, cause);
    }
}
