package io.newsradar.gateway.feeds;

import io.newsradar.contracts.FeedSpec;
import java.util.List;
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
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.node.ObjectNode;

/** Reads what clients send the feeds routes: bodies within a size limit, and feed specs with errors naming the field. */
final class FeedRequests {

    private static final Pattern FIELD = Pattern.compile("\\b(schemaVersion|feedId|url|title|languageHint|pollInterval|fetchFullArticle|enabled)\\b");

    private FeedRequests() {
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
     * left out, and must otherwise be the same.
     */
    static FeedSpec spec(byte[] body, String pathId) {
        JsonNode tree;
        try {
            tree = FeedRegistry.WIRE.readTree(body);
        } catch (StreamReadException e) {
            throw new InvalidFeedException(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            throw new InvalidFeedException(null, "the body must be a feed as a JSON object: {\"feedId\": …, \"url\": …}");
        }
        ObjectNode object = (ObjectNode) tree;
        if (pathId != null) {
            JsonNode given = object.get("feedId");
            if (given != null && !given.isNull() && !given.asString().equals(pathId)) {
                throw new InvalidFeedException("feedId", "the body's feedId '" + given.asString() + "' is not the path's '" + pathId + "'");
            }
            object.put("feedId", pathId);
        }
        try {
            return FeedRegistry.WIRE.treeToValue(object, FeedSpec.class);
        } catch (ValueInstantiationException e) {
            String message = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            return invalid(field(message), message);
        } catch (JacksonException e) {
            String field = path(e);
            return invalid(field, (field == null ? "" : field + ": ") + e.getOriginalMessage());
        }
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
