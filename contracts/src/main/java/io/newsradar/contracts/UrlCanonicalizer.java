package io.newsradar.contracts;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL, from which its {@link ArticleId} is derived.
 *
 * <p>Scheme and host are lower-cased, the default port and the fragment dropped, dot segments removed,
 * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid} and their kin) dropped and the remaining
 * query parameters sorted. Characters a URI may not hold are percent-encoded as UTF-8, and percent escapes are
 * written in upper case, so that every spelling of one address gives one string.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
            "mc_cid", "mc_eid", "_ga", "_gl", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv");

    private UrlCanonicalizer() {
    }

    /**
     * @throws IllegalArgumentException when the text is not an absolute {@code http} or {@code https} URL
     */
    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("an article URL must not be blank");
        }
        URI uri = parse(url.trim());
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        if (uri.getRawAuthority() == null || uri.isOpaque()) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        StringBuilder out = new StringBuilder(url.length());
        out.append(scheme).append("://").append(authority(uri.getRawAuthority(), scheme, url));
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : upperCaseEscapes(path));
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /** The canonical form of the URL, or {@code null} when the text is blank or not an absolute http(s) URL. */
    public static String canonicalOrNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return canonicalize(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether a query parameter name is one that only tracks the reader. */
    static boolean isTrackingParameter(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("utm_") || TRACKING_PARAMETERS.contains(lower);
    }

    private static URI parse(String url) {
        try {
            return new URI(escapeIllegalCharacters(url)).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + url + " (" + e.getReason() + ")", e);
        }
    }

    private static String authority(String rawAuthority, String scheme, String url) {
        int at = rawAuthority.lastIndexOf('@');
        String userInfo = at >= 0 ? rawAuthority.substring(0, at + 1) : "";
        String hostPort = rawAuthority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        boolean hasPort = colon >= 0 && hostPort.indexOf(']', colon) < 0;
        String host = (hasPort ? hostPort.substring(0, colon) : hostPort).toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        String port = hasPort ? hostPort.substring(colon + 1) : "";
        boolean defaultPort = port.isEmpty()
                || ("http".equals(scheme) && port.equals("80"))
                || ("https".equals(scheme) && port.equals("443"));
        return userInfo + host + (defaultPort ? "" : ":" + port);
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            String name = eq >= 0 ? parameter.substring(0, eq) : parameter;
            if (!isTrackingParameter(name)) {
                kept.add(upperCaseEscapes(parameter));
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    /** Percent-encodes, as UTF-8, every character that RFC 3986 does not allow anywhere in a URI. */
    private static String escapeIllegalCharacters(String url) {
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (isAllowed(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(url.length() + 16).append(url, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
            for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? url : out.toString();
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
    }

    private static String upperCaseEscapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = 0; i + 2 < chars.length; i++) {
            if (chars[i] == '%') {
                chars[i + 1] = Character.toUpperCase(chars[i + 1]);
                chars[i + 2] = Character.toUpperCase(chars[i + 2]);
                i += 2;
            }
        }
        return new String(chars);
    }
}
