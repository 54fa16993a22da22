package io.newsradar.ingest.extract;

import java.time.Instant;

/**
 * The story read from one article page.
 *
 * @param headline     from og:title, JSON-LD headline, the page's {@code <h1>} or {@code <title>}, with a site suffix
 *                     such as " - VnExpress" or " | Le Monde" removed; never blank
 * @param lead         the standfirst (sapo, chapô, summary), or the page's description; may be empty, never
 *                     {@code null}
 * @param body         the story paragraphs as plain NFC text, separated by {@code "\n\n"}; the lead is not repeated
 * @param language     BCP 47 tag from {@code <html lang>}, og:locale or content-language, or {@code null}
 * @param canonicalUrl {@code <link rel=canonical>} or og:url made absolute, or {@code null}
 * @param publishedAt  from article:published_time, JSON-LD datePublished or {@code <time datetime>}, or {@code null}
 * @param updatedAt    from article:modified_time or JSON-LD dateModified, or {@code null}
 * @param author       from JSON-LD author, {@code <meta name=author>}, article:author (when not a URL) or a
 *                     {@code rel=author} / {@code itemprop=author} element, or {@code null}
 * @param imageUrl     the top image: og:image, JSON-LD image or twitter:image, made absolute, or {@code null}
 * @param section      from article:section, JSON-LD articleSection or {@code itemprop=articleSection}, or {@code null}
 */
public record ExtractedArticle(String headline, String lead, String body, String language, String canonicalUrl,
        Instant publishedAt, Instant updatedAt, String author, String imageUrl, String section) {

    /** A story whose page named no author, top image or section. */
    public ExtractedArticle(String headline, String lead, String body, String language, String canonicalUrl,
            Instant publishedAt, Instant updatedAt) {
        this(headline, lead, body, language, canonicalUrl, publishedAt, updatedAt, null, null, null);
    }
}
