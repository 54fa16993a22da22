package io.newsradar.gateway.search;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a gateway signs its cursors with (HMAC-SHA256), so that a cursor it reads back is one it wrote:
 * {@code newsradar.gateway.cursor-key}, or a random key per start when that is not set. Gateways behind one balancer
 * must share the setting, or a page's cursor is refused by the next gateway.
 */
public final class CursorKey {

    /** The shortest key setting accepted: shorter secrets can be guessed. */
    public static final int MIN_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final boolean random;

    private CursorKey(byte[] secret, boolean random) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.random = random;
    }

    /** The key the setting gives, or a random one when it is {@code null} or blank. */
    public static CursorKey of(String setting) {
        if (setting == null || setting.isBlank()) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return new CursorKey(secret, true);
        }
        if (setting.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("newsradar.gateway.cursor-key must hold at least " + MIN_LENGTH
                    + " characters (e.g. openssl rand -base64 32), has " + setting.length());
        }
        return new CursorKey(setting.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Whether this key was drawn at start because none was set: cursors then do not outlive the process. */
    public boolean isRandom() {
        return random;
    }

    byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether the signature is this key's over the payload, compared in constant time. */
    boolean verify(byte[] payload, byte[] signature) {
        return MessageDigest.isEqual(sign(payload), signature);
    }
}
