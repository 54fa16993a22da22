package io.newsradar.story.event;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * MinHash signatures of token sets and their LSH bands: two sets share a band key with a probability that grows with
 * their Jaccard similarity, so candidates are found by looking up a few keys, whatever the number of stories.
 */
final class MinHash {

    private final int bands;
    private final int rows;
    private final long[] seeds;

    MinHash(int bands, int rows) {
        this.bands = bands;
        this.rows = rows;
        this.seeds = new long[bands * rows];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < seeds.length; i++) {
            s = mix(s + i + 1);
            seeds[i] = s;
        }
    }

    /** One key per band of the set's signature; the band's index is in the key, so bands never collide. */
    long[] bandKeys(Set<String> tokens) {
        long[] min = new long[seeds.length];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (String token : tokens) {
            long h = hash(token);
            for (int i = 0; i < seeds.length; i++) {
                long v = mix(h ^ seeds[i]);
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        long[] keys = new long[tokens.isEmpty() ? 0 : bands];
        for (int b = 0; b < keys.length; b++) {
            long k = mix(b + 1L);
            for (int r = 0; r < rows; r++) {
                k = mix(k ^ min[b * rows + r]);
            }
            keys[b] = k;
        }
        return keys;
    }

    private static long hash(String token) {
        long h = 0xcbf29ce484222325L;
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
