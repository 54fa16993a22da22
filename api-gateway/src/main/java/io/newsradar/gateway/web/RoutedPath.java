package io.newsradar.gateway.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request's path as the router matches it: the decoded segments of
 * {@code exchange.getRequest().getPath().pathWithinApplication()}, without {@code ;parameters}. Access is decided on
 * this value and the page's headers are chosen by it, so that no spelling can route to one place and be judged as
 * another. A path that could be read in more than one way is {@linkplain #ambiguity() ambiguous}, and the gateway
 * refuses it: matrix parameters in any segment, an encoded {@code /} or {@code \}, an encoded {@code %} (a second
 * round of decoding), a control character such as NUL, a {@code .} or {@code ..} segment, an empty segment
 * ({@code //}), or a trailing {@code /} after anything but the root.
 */
public final class RoutedPath {

    private static final String ATTRIBUTE = RoutedPath.class.getName();

    private final String raw;
    private final String value;
    private final List<String> segments;
    private final String ambiguity;

    private RoutedPath(String raw, String value, List<String> segments, String ambiguity) {
        this.raw = raw;
        this.value = value;
        this.segments = segments;
        this.ambiguity = ambiguity;
    }

    /** The exchange's routed path, read once and kept in the exchange. */
    public static RoutedPath of(ServerWebExchange exchange) {
        RoutedPath path = exchange.getAttribute(ATTRIBUTE);
        if (path == null) {
            path = of(exchange.getRequest().getPath());
            exchange.getAttributes().put(ATTRIBUTE, path);
        }
        return path;
    }

    /** The routed path of a request path. */
    public static RoutedPath of(RequestPath path) {
        PathContainer within = path.pathWithinApplication();
        String raw = within.value();
        List<String> segments = new ArrayList<>();
        boolean afterSeparator = false;
        for (PathContainer.Element element : within.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String problem = problem(segment);
                if (problem != null) {
                    return ambiguous(raw, "segment " + (segments.size() + 1) + " '" + segment.value() + "' " + problem);
                }
                segments.add(segment.valueToMatch());
                afterSeparator = false;
            } else {
                if (afterSeparator) {
                    return ambiguous(raw, "it has an empty segment ('//')");
                }
                afterSeparator = true;
            }
        }
        if (afterSeparator && !segments.isEmpty()) {
            return ambiguous(raw, "it ends with '/'");
        }
        if (!raw.startsWith("/")) {
            return ambiguous(raw, "it does not start with '/'");
        }
        return new RoutedPath(raw, "/" + String.join("/", segments), List.copyOf(segments), null);
    }

    private static RoutedPath ambiguous(String raw, String why) {
        return new RoutedPath(raw, null, List.of(), why);
    }

    private static String problem(PathContainer.PathSegment segment) {
        if (!segment.parameters().isEmpty() || segment.value().indexOf(';') >= 0) {
            return "carries matrix parameters (';')";
        }
        String decoded;
        try {
            decoded = segment.valueToMatch();
        } catch (IllegalArgumentException e) {
            return "is not valid percent-encoded UTF-8";
        }
        if (decoded.isEmpty()) {
            return "is empty";
        }
        if (decoded.equals(".") || decoded.equals("..")) {
            return "is a dot segment";
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '/' || c == '\\') {
                return "holds an encoded '" + c + "'";
            }
            if (c == '%') {
                return "holds an encoded '%' (decoded twice it would read differently)";
            }
            if (Character.isISOControl(c)) {
                return "holds the control character U+%04X".formatted((int) c);
            }
        }
        return null;
    }

    /** Whether the path can be read in one way only. */
    public boolean isUnambiguous() {
        return ambiguity == null;
    }

    /** Why the path is ambiguous, {@code null} if it is not. */
    public String ambiguity() {
        return ambiguity;
    }

    /** The path as the client spelt it (still encoded). */
    public String raw() {
        return raw;
    }

    /** The decoded path the router matches, such as {@code /api/v1/articles}; {@code null} when ambiguous. */
    public String value() {
        return value;
    }

    /** The decoded segments, empty for the root and when ambiguous. */
    public List<String> segments() {
        return segments;
    }

    @Override
    public String toString() {
        return ambiguity == null ? value : raw + " (ambiguous: " + ambiguity + ")";
    }
}
