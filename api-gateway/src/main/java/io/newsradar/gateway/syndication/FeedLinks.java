package io.newsradar.gateway.syndication;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.util.MultiValueMap;

/**
 * The RFC 5005 paging links of one feed page, absolute: {@code self} (this page), {@code first} (the newest page) and
 * {@code next} (older articles, when there are more). Each keeps every parameter of the request but the cursor, in the
 * order given, each value percent-encoded byte by byte (only {@code A-Z a-z 0-9 - . _ ~} stay as they are), so a link
 * holds nothing XML or a query string would read as syntax. The scheme, host and port are the request's as the server
 * saw it: behind a proxy, they are the proxy's only when {@code server.forward-headers-strategy} says to believe its
 * {@code Forwarded}/{@code X-Forwarded-*} headers.
 *
 * @param id    the feed's identity: the first page's URL without the key, the same on every page
 * @param self  this page
 * @param first the newest page
 * @param next  the page after this one, or {@code null} on the last
 */
record FeedLinks(String id, String self, String first, String next) {

    static final String CURSOR = "cursor";
    static final String KEY = "api_key";

    /**
     * The links of a page.
     *
     * @param request    the request's URI, as the server saw it (only its scheme, host and port are used)
     * @param path       the feed's path, context path included
     * @param parameters the request's query parameters, checked already ({@code api_key} is never among them)
     * @param nextCursor the cursor of the next page, or {@code null} on the last
     * @param key        the API key to write into the links, or {@code null}: only for a reader that gave it as
     *                   {@code api_key=}, and could not follow a link without it
     */
    static FeedLinks of(URI request, String path, MultiValueMap<String, String> parameters, String nextCursor, String key) {
        String base = origin(request) + path;
        String filters = query(parameters);
        String cursor = parameters.getFirst(CURSOR);
        String self = url(base, filters, cursor, key);
        String next = nextCursor == null ? null : url(base, filters, nextCursor, key);
        return new FeedLinks(url(base, filters, null, null), self, url(base, filters, null, key), next);
    }

    private static String origin(URI request) {
        String scheme = request.getScheme() == null ? "http" : request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + request.getHost() + (defaultPort ? "" : ":" + port);
    }

    private static String query(MultiValueMap<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!parameter.getKey().equals(CURSOR) && !parameter.getKey().equals(KEY)) {
                for (String value : parameter.getValue()) {
                    query.add(encode(parameter.getKey()) + "=" + encode(value == null ? "" : value));
                }
            }
        }
        return query.toString();
    }

    private static String url(String base, String filters, String cursor, String key) {
        StringJoiner query = new StringJoiner("&");
        if (!filters.isEmpty()) {
            query.add(filters);
        }
        if (cursor != null) {
            query.add(CURSOR + "=" + encode(cursor));
        }
        if (key != null) {
            query.add(KEY + "=" + encode(key));
        }
        return query.length() == 0 ? base : base + "?" + query;
    }

    /**
     * Every byte of the UTF-8 form but the unreserved characters of RFC 3986 as {@code %XX}. (Parameters decoded from a
     * request hold no lone surrogate: undecodable bytes arrive as U+FFFD, which is written back as such.)
     */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
