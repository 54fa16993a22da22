package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * An article as ingest-service found it ({@link Topics#ARTICLES_RAW}, keyed by {@code articleId}).
 *
 * @param schemaVersion wire format version; absent reads as the current one
 * @param articleId     see {@link ArticleId}
 * @param url           the canonical article URL, {@code null} when the item had only a GUID
 * @param guid          the feed item's GUID or Atom id, may be {@code null}
 * @param feedId        the feed it came from
 * @param source        the publisher, as a human would name it (feed title or host)
 * @param language      the article's BCP 47 language tag as ingest decided it once ({@code languageFrom} says from
 *                      what); {@code und} when ingest could tell none; may be {@code null} for events written before
 *                      the decision was recorded, whose tag is only the feed's or page's hint
 * @param title         the headline
 * @param lead          the summary or first paragraph, may be empty
 * @param body          the story text, may be empty when only the feed item is known
 * @param categories    the item's own categories, as the feed gives them
 * @param publishedAt   when the publisher says it was published; ingest falls back to the item's update time, then
 *                      to the page's, then to {@code ingestedAt}, and records which in {@code publishedFrom}
 * @param ingestedAt    when newsradar read this revision; a story republished because its text changed keeps its
 *                      id and gets a later {@code ingestedAt}, which is its revision
 * @param updatedAt     when the publisher says it last changed the story, may be {@code null}
 * @param publishedFrom where {@code publishedAt} came from: {@code published}, {@code updated}, {@code page} or
 *                      {@code ingested}; may be {@code null} for events written before the field existed
 * @param truncated     the text fields ingest cut to their limits ({@code title}, {@code lead}, {@code body}), each
 *                      cut at a word; empty when nothing was cut
 * @param dateAsGiven   the item's own date, as the feed wrote it, when ingest refused it as implausible (before 1990
 *                      or more than a day ahead) and took another; {@code null} otherwise
 * @param sameSite      whether the feed that published this revision is on the same site as the article's URL;
 *                      only such a feed, or the feed that published the article first, may change its words;
 *                      {@code null} for events written before the field existed, which read as {@code true}
 * @param languageFrom  where {@code language} came from: {@code feed} (the feed's registry entry or document
 *                      said it, and the text agrees), {@code page} (the article page said it, and the text agrees)
 *                      or {@code detected} (ingest read it from the text, which a hint contradicted or none gave);
 *                      {@code null} for events written before the field existed, whose language readers tell
 *                      themselves
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RawArticle(
        Integer schemaVersion,
        String articleId,
        String url,
        String guid,
        String feedId,
        String source,
        String language,
        String title,
        String lead,
        String body,
        List<String> categories,
        Instant publishedAt,
        Instant ingestedAt,
        Instant updatedAt,
        String publishedFrom,
        List<String> truncated,
        String dateAsGiven,
        Boolean sameSite,
        String languageFrom) {

    public static final int SCHEMA_VERSION = 1;

    /** The names {@code truncated} holds. */
    public static final List<String> TEXT_FIELDS = List.of("title", "lead", "body");

    /** The values {@code languageFrom} takes. */
    public static final List<String> LANGUAGE_FROM = List.of("feed", "page", "detected");

    /** The values {@code publishedFrom} takes. */
    public static final List<String> PUBLISHED_FROM = List.of("published", "updated", "page", "ingested");

    public RawArticle {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "RawArticle");
        Checks.requireText(articleId, "RawArticle.articleId");
        Checks.requireText(feedId, "RawArticle " + articleId + ": feedId");
        if (ingestedAt == null) {
            throw new IllegalArgumentException("RawArticle " + articleId + ": ingestedAt must be set");
        }
        title = title == null ? "" : title;
        lead = lead == null ? "" : lead;
        body = body == null ? "" : body;
        categories = Checks.listOrEmpty(categories);
        if (publishedFrom != null && !PUBLISHED_FROM.contains(publishedFrom)) {
            throw new IllegalArgumentException("RawArticle " + articleId + ": publishedFrom must be one of "
                    + PUBLISHED_FROM + ", was '" + publishedFrom + "'");
        }
        truncated = Checks.listOrEmpty(truncated);
        if (!TEXT_FIELDS.containsAll(truncated)) {
            throw new IllegalArgumentException("RawArticle " + articleId + ": truncated may name only " + TEXT_FIELDS
                    + ", was " + truncated);
        }
        sameSite = sameSite == null || sameSite;
        if (languageFrom != null && !LANGUAGE_FROM.contains(languageFrom)) {
            throw new IllegalArgumentException("RawArticle " + articleId + ": languageFrom must be one of "
                    + LANGUAGE_FROM + ", was '" + languageFrom + "'");
        }
    }

    /** An article whose language is a hint no one checked against its text (as events written before 2026-12). */
    public RawArticle(Integer schemaVersion, String articleId, String url, String guid, String feedId, String source,
            String language, String title, String lead, String body, List<String> categories, Instant publishedAt,
            Instant ingestedAt, Instant updatedAt, String publishedFrom, List<String> truncated, String dateAsGiven,
            Boolean sameSite) {
        this(schemaVersion, articleId, url, guid, feedId, source, language, title, lead, body, categories, publishedAt,
                ingestedAt, updatedAt, publishedFrom, truncated, dateAsGiven, sameSite, null);
    }

    /** Whether ingest decided the language ({@code languageFrom} is set), so that readers take it as it is. */
    public boolean languageDecided() {
        return languageFrom != null;
    }

    /** This article with its body (and what was cut) replaced. */
    public RawArticle withBody(String newBody, List<String> cut) {
        return new RawArticle(schemaVersion, articleId, url, guid, feedId, source, language, title, lead, newBody,
                categories, publishedAt, ingestedAt, updatedAt, publishedFrom, cut, dateAsGiven, sameSite, languageFrom);
    }

    /** An article in which nothing was cut, whose date was taken as given, from a feed on the article's own site. */
    public RawArticle(Integer schemaVersion, String articleId, String url, String guid, String feedId, String source,
            String language, String title, String lead, String body, List<String> categories, Instant publishedAt,
            Instant ingestedAt, Instant updatedAt, String publishedFrom) {
        this(schemaVersion, articleId, url, guid, feedId, source, language, title, lead, body, categories, publishedAt,
                ingestedAt, updatedAt, publishedFrom, List.of(), null, true, null);
    }

    /** An article without an update time or a record of where its publication time came from. */
    public RawArticle(Integer schemaVersion, String articleId, String url, String guid, String feedId, String source,
            String language, String title, String lead, String body, List<String> categories, Instant publishedAt,
            Instant ingestedAt) {
        this(schemaVersion, articleId, url, guid, feedId, source, language, title, lead, body, categories, publishedAt,
                ingestedAt, null, null);
    }
}
