package io.newsradar.contracts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets taken out of text before it is logged or shown: the password of a URL's userinfo
 * ({@code https://user:secret@host/} reads {@code https://user:***@host/}) and the value of any {@code api_key}
 * (or {@code apikey}, {@code key}, {@code token}, {@code password}, {@code secret}) query parameter. Every service
 * passes feed URLs, request URIs and error messages through it before they reach a log line or a reader's view.
 */
public final class Redaction {

    /** What stands for a removed secret. */
    public static final String MASK = "***";

    private static final Pattern USERINFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)([^/?#@\\s]*)@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:api[_-]?key|apikey|key|access[_-]?token|token|password|passwd|secret)=)[^&#\\s]*");

    private Redaction() {
    }

    /** The text with every URL password and secret query parameter masked; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        if (masked.indexOf('@') >= 0) {
            Matcher userinfo = USERINFO.matcher(masked);
            StringBuilder out = new StringBuilder(masked.length());
            while (userinfo.find()) {
                String info = userinfo.group(2);
                int colon = info.indexOf(':');
                String kept = colon < 0 ? MASK : info.substring(0, colon) + ":" + MASK;
                userinfo.appendReplacement(out, Matcher.quoteReplacement(userinfo.group(1) + kept + "@"));
            }
            userinfo.appendTail(out);
            masked = out.toString();
        }
        if (masked.indexOf('=') >= 0) {
            masked = SECRET_PARAMETER.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        }
        return masked;
    }
}
