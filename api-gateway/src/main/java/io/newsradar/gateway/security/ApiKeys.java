package io.newsradar.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys the gateway accepts, kept as SHA-256 digests only: a key is looked up by the digest of what the
 * client sent. Each key has a name (for logs and metrics) and a role.
 */
public final class ApiKeys {

    /** What a key may do: {@code reader} queries; {@code admin} also changes the feed registry. */
    public enum Role { READER, ADMIN }

    /** A key as configuration gives it: its name, the hex SHA-256 of the key, its role. */
    public record Key(String name, String sha256, Role role) {

        public Key {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an API key needs a name");
            }
            if (sha256 == null || !sha256.toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("the API key '" + name + "' needs sha256: the hex SHA-256 of the key (64 characters)");
            }
            sha256 = sha256.toLowerCase(Locale.ROOT);
            role = role == null ? Role.READER : role;
        }
    }

    private final Map<String, Key> byDigest = new ConcurrentHashMap<>();

    public ApiKeys(List<Key> keys) {
        keys.forEach(this::add);
    }

    public void add(Key key) {
        if (byDigest.putIfAbsent(key.sha256(), key) != null) {
            throw new IllegalArgumentException("the API key '" + key.name() + "' has the same digest as another key");
        }
    }

    public boolean isEmpty() {
        return byDigest.isEmpty();
    }

    /** The key the client's text is, if any. */
    public Optional<Key> find(String presented) {
        return presented == null || presented.isBlank() ? Optional.empty() : Optional.ofNullable(byDigest.get(sha256(presented.strip())));
    }

    /** The hex SHA-256 of a key, as configuration stores it. */
    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A new random key: {@code nr_} and 32 random bytes, base64url. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "nr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
