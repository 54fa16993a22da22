package io.newsradar.gateway.searches;

import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.InvalidQueryException;
import io.newsradar.gateway.search.KnownCodes;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what clients send the saved-search routes: a body of at most {@link #MAX_BODY_BYTES}, JSON nested at most
 * {@link #MAX_DEPTH} deep, each field of its type, no field the API does not know. The query is checked by the
 * article filters' own rules ({@link ArticleQuery#saved}), each refusal naming {@code query.<parameter>}. Every refusal
 * is an {@link InvalidSearchException} naming its field.
 */
final class SavedSearchRequests {

    static final long MAX_BODY_BYTES = 16 * 1024;
    /** A search is an object holding a query of arrays and a webhook: anything deeper is not one. */
    static final int MAX_DEPTH = 4;
    static final int MAX_NAME = 200;
    static final int MAX_URL = 2048;
    static final Duration MAX_WINDOW = Duration.ofHours(24);

    private static final JsonMapper BODY = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(100).build())
            .build()).build();
    private static final Set<String> FIELDS = Set.of("name", "query", "webhook", "enabled", "rotateSecret");
    private static final Set<String> WEBHOOK_FIELDS = Set.of("url", "batch", "window");

    private SavedSearchRequests() {
    }

    /** The request body, refused with a 413 when it is longer than {@link #MAX_BODY_BYTES}. */
    static Mono<byte[]> body(ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > MAX_BODY_BYTES) {
            return Mono.error(tooLarge(null));
        }
        return DataBufferUtils.join(request.getBody(), (int) MAX_BODY_BYTES)
                .map(SavedSearchRequests::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, SavedSearchRequests::tooLarge);
    }

    /**
     * The search a JSON body describes.
     *
     * @param replacing whether this is a PUT (which alone may ask {@code rotateSecret})
     */
    static SavedSearchRequest read(byte[] body, boolean replacing, KnownCodes codes) {
        JsonNode object = object(body);
        for (String field : object.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidSearchException(field, "unknown field '" + field + "'; known: " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String name = name(object.get("name"));
        Map<String, List<String>> query = query(object.get("query"), codes);
        SavedSearchRequest.Webhook webhook = webhook(object.get("webhook"));
        boolean enabled = flag(object.get("enabled"), "enabled", true);
        boolean rotateSecret = flag(object.get("rotateSecret"), "rotateSecret", false);
        if (rotateSecret && !replacing) {
            throw new InvalidSearchException("rotateSecret", "rotateSecret is for PUT: a new search gets its first secret anyway");
        }
        if (rotateSecret && webhook == null) {
            throw new InvalidSearchException("rotateSecret", "rotateSecret needs a webhook whose secret to rotate");
        }
        return new SavedSearchRequest(name, query, webhook, enabled, rotateSecret);
    }

    private static JsonNode object(byte[] body) {
        JsonNode tree;
        try (JsonParser parser = BODY.createParser(body)) {
            tree = BODY.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                throw new InvalidSearchException(null, "the body must be one JSON object; more follows it");
            }
        } catch (JacksonException e) {
            throw new InvalidSearchException(null, null, "the body is not valid JSON (objects nested at most " + MAX_DEPTH + " deep): "
                    + e.getOriginalMessage(), HttpStatus.BAD_REQUEST, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidSearchException(null, "the body must be a saved search as a JSON object: {\"name\": …, \"query\": {…}}");
        }
        return tree;
    }

    private static String name(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidSearchException("name", "name is required");
        }
        String name = text(node, "name").strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSearchException("name", shorten(name), "name must hold 1 to " + MAX_NAME + " characters, none of them a control character");
        }
        return name;
    }

    /** The query as parameter to values, checked as {@code /api/v1/articles} checks its parameters. */
    private static Map<String, List<String>> query(JsonNode node, KnownCodes codes) {
        if (node == null || node.isNull()) {
            throw new InvalidSearchException("query", "query is required: the article filters, such as {\"region\": [\"VN-SG\"]}; {} for every article");
        }
        if (!node.isObject()) {
            throw new InvalidSearchException("query", "query must be an object of parameter to values, was " + describe(node));
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> parameter : node.properties()) {
            String field = "query." + parameter.getKey();
            JsonNode values = parameter.getValue();
            List<String> texts = new ArrayList<>();
            if (values.isArray()) {
                for (JsonNode value : values) {
                    texts.add(value(value, field));
                }
            } else {
                texts.add(value(values, field));
            }
            query.put(parameter.getKey(), List.copyOf(texts));
        }
        try {
            ArticleQuery.saved(new LinkedMultiValueMap<>(query), codes);
        } catch (InvalidQueryException e) {
            throw new InvalidSearchException("query." + e.parameter(), e.value(), "query." + e.parameter() + ": " + e.getMessage());
        }
        return query;
    }

    private static String value(JsonNode value, String field) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber()) {
            return value.asString();
        }
        throw new InvalidSearchException(field, field + " must be a string, a number or an array of them, was " + describe(value));
    }

    private static SavedSearchRequest.Webhook webhook(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidSearchException("webhook", "webhook must be an object {\"url\": …}, was " + describe(node));
        }
        for (String field : node.propertyNames()) {
            if (field.equals("secret")) {
                throw new InvalidSearchException("webhook.secret", "webhook.secret is made by the gateway; ask \"rotateSecret\": true on PUT for a new one");
            }
            if (!WEBHOOK_FIELDS.contains(field)) {
                throw new InvalidSearchException("webhook." + field, "unknown field 'webhook." + field + "'; known: batch, url, window");
            }
        }
        JsonNode url = node.get("url");
        if (url == null || url.isNull()) {
            throw new InvalidSearchException("webhook.url", "webhook.url is required");
        }
        return new SavedSearchRequest.Webhook(url(text(url, "webhook.url")), batch(node.get("batch")), window(node.get("window")));
    }

    /** An absolute {@code http(s)} URL with a host and no user info (a password in a stored URL would be shown to every reader of it). */
    static String url(String raw) {
        String shown = shorten(raw);
        if (raw.length() > MAX_URL) {
            throw new InvalidSearchException("webhook.url", shown, "webhook.url must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new InvalidSearchException("webhook.url", shown, "webhook.url is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new InvalidSearchException("webhook.url", shown, "webhook.url must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidSearchException("webhook.url", shown, "webhook.url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSearchException("webhook.url", shown, "webhook.url must not hold a user name or password; the signature"
                    + " (X-Newsradar-Signature-256) authenticates the deliveries");
        }
        return raw;
    }

    private static int batch(JsonNode node) {
        if (node == null || node.isNull()) {
            return 1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 100) {
            throw new InvalidSearchException("webhook.batch", node.asString(), "webhook.batch must be a whole number from 1 to 100, was " + node);
        }
        return node.intValue();
    }

    private static Duration window(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String raw = text(node, "webhook.window");
        Duration window;
        try {
            window = Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException("webhook.window", shorten(raw), "webhook.window must be an ISO-8601 duration such as PT5M, was '"
                    + shorten(raw) + "'");
        }
        if (window.isNegative() || window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidSearchException("webhook.window", raw, "webhook.window must lie between PT0S and " + MAX_WINDOW + ", was " + raw);
        }
        return window;
    }

    private static boolean flag(JsonNode node, String field, boolean absent) {
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw new InvalidSearchException(field, field + " must be true or false, was " + describe(node));
        }
        return node.booleanValue();
    }

    private static String text(JsonNode node, String field) {
        if (!node.isString()) {
            throw new InvalidSearchException(field, field + " must be a string, was " + describe(node));
        }
        return node.stringValue();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            default -> "null";
        };
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
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

    private static InvalidSearchException tooLarge(Throwable cause) {
        return new InvalidSearchException(null, null, "a saved search must be at most " + MAX_BODY_BYTES + " bytes",
                HttpStatus.CONTENT_TOO_LARGE, cause);
    }
}
