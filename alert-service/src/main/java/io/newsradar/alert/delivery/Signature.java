package io.newsradar.alert.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Newsradar-Signature-256}: {@code sha256=} and the lower-case hex HMAC-SHA256 of the exact body bytes, keyed
 * with the search's secret (its UTF-8 bytes), as GitHub signs its webhooks. A receiver recomputes it over the body it
 * read and compares in constant time.
 */
public final class Signature {

    /** The header's name. */
    public static final String HEADER = "X-Newsradar-Signature-256";

    private Signature() {
    }

    /** The header's value for this body and secret. */
    public static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
