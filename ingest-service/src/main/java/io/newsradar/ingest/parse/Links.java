package io.newsradar.ingest.parse;

import java.net.URI;

/** Resolves the links of a feed against the feed's URL and any {@code xml:base} on the way. */
final class Links {

    private Links() {
    }

    /** The link made absolute against {@code base}; the trimmed link itself when it is no valid URI reference. */
    static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String trimmed = link.strip().replace(" ", "%20");
        try {
            return base.resolve(trimmed).toString();
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }

    /** The base URI inside an element carrying {@code xml:base} (RFC 3986 resolution against the outer base). */
    static URI base(URI outer, String xmlBase) {
        String resolved = resolve(outer, xmlBase);
        if (resolved == null) {
            return outer;
        }
        try {
            return URI.create(resolved);
        } catch (IllegalArgumentException e) {
            return outer;
        }
    }
}
