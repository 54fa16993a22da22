package io.newsradar.ingest.dedupe;

import io.newsradar.contracts.TextFolding;
import io.newsradar.contracts.UrlCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/** The short hashes that tell whether two feed items are the same story, and whether its text changed. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * A hash of the item's canonical URL (its link's, else its GUID's: {@link UrlCanonicalizer}) without the scheme,
     * so that a feed moving its items from {@code http} to {@code https} does not look like new stories; {@code null}
     * when neither is a URL.
     */
    public static String storyKey(String canonical) {
        if (canonical == null) {
            return null;
        }
        int colon = canonical.indexOf("://");
        return hash(canonical.substring(colon + 3).toLowerCase(Locale.ROOT));
    }

    /**
     * A hash of the words of a story: folded (case and diacritics ignored) and split on anything that is not a letter
     * or digit, so markup, spacing and punctuation edits are not changes while any changed word is; {@code null} for
     * an item without a word.
     */
    public static String contentHash(String title, String lead, String body) {
        StringBuilder words = new StringBuilder();
        for (String part : new String[] {title, lead, body}) {
            appendWords(words, part == null ? "" : part);
            words.append('|');
        }
        return words.length() == 3 ? null : hash(words.toString());
    }

    private static void appendWords(StringBuilder out, String text) {
        String folded = TextFolding.fold(text);
        boolean inWord = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord && out.length() > 0 && out.charAt(out.length() - 1) != '|') {
                    out.append(' ');
                }
                out.append(c);
                inWord = true;
            } else {
                inWord = false;
            }
        }
    }

    /** 8 bytes of SHA-256, URL-safe base64: 11 characters, collisions negligible within one feed's window. */
    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
