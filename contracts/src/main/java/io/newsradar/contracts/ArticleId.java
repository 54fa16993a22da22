package io.newsradar.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Article identity: the URL-safe base64 (no padding) of the first 16 bytes of SHA-256 over the canonical
 * article URL ({@link UrlCanonicalizer}). A feed item with no usable link falls back to its GUID: a GUID that is
 * itself an http(s) URL is treated as the article URL; any other GUID is only unique within its feed, so it is
 * hashed together with the feed id. The same story, polled twice, by two instances or after a restart, has one id.
 */
public final class ArticleId {

    /** Length of every article id: 16 bytes in unpadded base64. */
    public static final int LENGTH = 22;

    private ArticleId() {
    }

    /** The id of the article at this URL. */
    public static String ofUrl(String url) {
        return hash(UrlCanonicalizer.canonicalize(url));
    }

    /**
     * The id of a feed item: from its link when it has a usable one, else from its GUID.
     *
     * @throws IllegalArgumentException when the item has neither a usable link nor a GUID
     */
    public static String ofItem(String feedId, String link, String guid) {
        String canonical = UrlCanonicalizer.canonicalOrNull(link);
        if (canonical == null) {
            canonical = UrlCanonicalizer.canonicalOrNull(guid);
        }
        return ofCanonical(feedId, canonical, guid);
    }

    /**
     * The id of a feed item whose URL was canonicalised already: the canonical form of its link, else of its GUID,
     * else {@code null}; for a caller that needs the canonical URL itself too and canonicalises once.
     *
     * @throws IllegalArgumentException when there is no canonical URL and no GUID
     */
    public static String ofCanonical(String feedId, String canonical, String guid) {
        if (canonical != null) {
            return hash(canonical);
        }
        if (guid != null && !guid.isBlank()) {
            return hash("guid:" + Checks.requireText(feedId, "feedId") + ":" + guid.trim());
        }
        throw new IllegalArgumentException("feed " + feedId + ": item has neither a link nor a GUID");
    }

    /** Whether the text is shaped like an article id. */
    public static boolean isValid(String id) {
        return id != null && id.length() == LENGTH && id.chars().allMatch(ArticleId::isBase64UrlChar);
    }

    private static boolean isBase64UrlChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
