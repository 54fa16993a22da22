package io.newsradar.classify.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A reproducible split of a labelled set into {@code count} folds, numbered from 1: an article's fold is the first
 * eight bytes of the SHA-256 of its id (UTF-8, big-endian), modulo {@code count}, plus one. The same id lands in the
 * same fold on every machine and in every run, whatever the order of the file or the other articles in it.
 */
public record Folds(int count) {

    public Folds {
        if (count < 2) {
            throw new IllegalArgumentException("folds must be at least 2; was " + count);
        }
    }

    /** The fold of an article, from 1 to {@link #count()}. */
    public int of(String id) {
        byte[] digest = sha256(id.getBytes(StandardCharsets.UTF_8));
        long head = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            head = (head << 8) | (digest[i] & 0xff);
        }
        return (int) Math.floorMod(head, (long) count) + 1;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
