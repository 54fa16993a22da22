package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article with its tags ({@link Topics#ARTICLES_CLASSIFIED}, keyed by the article's id).
 * Every tag carries a score in [0, 1] and the evidence it rests on.
 *
 * @param schemaVersion     wire format version; absent reads as the current one
 * @param article           the article as ingested
 * @param classifierVersion the classifier that produced the tags, so stored articles can be re-classified
 * @param classifiedAt      when the tags were computed
 * @param language          the language the classifier read the article in ({@code und} when unknown)
 * @param pair              the two countries whose relationship the story is about, {@code null} for none
 * @param countries         countries acting in the story, most salient first
 * @param regions           first-level subdivisions acting in the story, most salient first
 * @param topics            topics the story covers, highest score first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassifiedArticle(
        Integer schemaVersion,
        RawArticle article,
        String classifierVersion,
        Instant classifiedAt,
        String language,
        PairTag pair,
        List<CountryTag> countries,
        List<RegionTag> regions,
        List<TopicTag> topics) {

    public static final int SCHEMA_VERSION = 1;

    public ClassifiedArticle {
        schemaVersion = Checks.schemaVersion(schemaVersion, SCHEMA_VERSION, "ClassifiedArticle");
        Objects.requireNonNull(article, "ClassifiedArticle.article must be set");
        Checks.requireText(classifierVersion, "ClassifiedArticle " + article.articleId() + ": classifierVersion");
        Objects.requireNonNull(classifiedAt, "ClassifiedArticle.classifiedAt must be set");
        language = language == null || language.isBlank() ? "und" : language;
        countries = Checks.listOrEmpty(countries);
        regions = Checks.listOrEmpty(regions);
        topics = Checks.listOrEmpty(topics);
    }

    /** The article's id, the record key on every topic. */
    public String articleId() {
        return article.articleId();
    }
}
