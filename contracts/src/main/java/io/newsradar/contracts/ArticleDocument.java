package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article as stored in Elasticsearch, behind the alias {@link #ALIAS}, with {@code _id} = article id: the shape
 * index-service writes and api-gateway reads. Tag codes are flat keyword lists for filtering and facets; the full
 * tags with scores and evidence are kept in {@link #tags}, stored but not indexed. The {@link #folded} texts are the
 * title, lead and body folded by {@link TextFolding}, so that "bac giang" finds "Bắc Giang" without an ICU plugin.
 * Each tag's code and score are also written, derived from {@link #tags}, as {@link #confidence()}: per-kind nested
 * arrays a query can filter on by score ({@code minConfidence}); they are not read back.
 *
 * @param feedId      the feed that published the article first; only it, or a feed on the article's own site, changes
 *                    the article's words (docs/adr/0017)
 * @param publishedAt when the publisher says it was published, or when it was ingested if the feed did not say
 * @param alsoIn      the other feeds that carried the article, in the order they were seen; empty when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleDocument(
        String articleId,
        String url,
        String feedId,
        String source,
        String language,
        String title,
        String lead,
        String body,
        Folded folded,
        String pair,
        List<String> countries,
        List<String> regions,
        List<String> regionsCurrent,
        List<String> topics,
        Instant publishedAt,
        Instant ingestedAt,
        Instant classifiedAt,
        String classifierVersion,
        Tags tags,
        List<String> alsoIn) {

    /** The alias every reader and writer uses; the indices behind it are {@code news-articles-000001}, … */
    public static final String ALIAS = "news-articles";

    /** Title, lead and body after {@link TextFolding#fold}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Folded(String title, String lead, String body) {
    }

    /** The tags with their scores and evidence, as the classifier gave them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tags(PairTag pair, List<CountryTag> countries, List<RegionTag> regions, List<TopicTag> topics) {

        public Tags {
            countries = Checks.listOrEmpty(countries);
            regions = Checks.listOrEmpty(regions);
            topics = Checks.listOrEmpty(topics);
        }
    }

    /** One tag's code and score, as {@link #confidence()} lists them. */
    public record Scored(String code, double score) {
    }

    /**
     * Every tag's code and score by kind: the pair, the countries, the regions (their code as the story's time knew
     * it) and the topics. The index holds these as nested {@code confidence.*} fields; the live stream filters on the
     * same lists, so a stored article and a streamed one match a {@code minConfidence} alike.
     */
    public record Confidence(List<Scored> pair, List<Scored> countries, List<Scored> regions, List<Scored> topics) {

        public Confidence {
            pair = Checks.listOrEmpty(pair);
            countries = Checks.listOrEmpty(countries);
            regions = Checks.listOrEmpty(regions);
            topics = Checks.listOrEmpty(topics);
        }

        /** The codes and scores of the tags, none when there are no tags. */
        public static Confidence of(Tags tags) {
            if (tags == null) {
                return new Confidence(List.of(), List.of(), List.of(), List.of());
            }
            return new Confidence(
                    tags.pair() == null ? List.of() : List.of(new Scored(tags.pair().code(), tags.pair().confidence())),
                    tags.countries().stream().map(t -> new Scored(t.code(), t.score())).toList(),
                    tags.regions().stream().map(t -> new Scored(t.code(), t.score())).toList(),
                    tags.topics().stream().map(t -> new Scored(t.topic(), t.score())).toList());
        }
    }

    /** The tags' codes and scores, written to the index beside the document's fields ({@link Confidence}). */
    @JsonProperty("confidence")
    public Confidence confidence() {
        return Confidence.of(tags);
    }

    public ArticleDocument {
        Objects.requireNonNull(articleId, "ArticleDocument.articleId must be set");
        Objects.requireNonNull(ingestedAt, "ArticleDocument.ingestedAt must be set: it is the document's version");
        countries = Checks.listOrEmpty(countries);
        regions = Checks.listOrEmpty(regions);
        regionsCurrent = Checks.listOrEmpty(regionsCurrent);
        topics = Checks.listOrEmpty(topics);
        alsoIn = Checks.listOrEmpty(alsoIn);
    }

    /** This document's words and tags, credited to the feed {@code owner} named {@code ownerSource}, also in {@code others}. */
    public ArticleDocument withSources(String owner, String ownerSource, List<String> others) {
        return new ArticleDocument(articleId, url, owner, ownerSource, language, title, lead, body, folded, pair, countries,
                regions, regionsCurrent, topics, publishedAt, ingestedAt, classifiedAt, classifierVersion, tags, others);
    }

    /**
     * The document's version for Elasticsearch's external versioning ({@code external_gte}): the time the article's
     * revision was ingested, in milliseconds. A redelivered or replayed event of the same revision (even classified
     * again) may overwrite the document; an event of an older revision may not.
     */
    public long version() {
        return ingestedAt.toEpochMilli();
    }

    /** The document of a classified article. */
    public static ArticleDocument of(ClassifiedArticle classified) {
        RawArticle a = classified.article();
        return new ArticleDocument(
                a.articleId(), a.url(), a.feedId(), a.source(), classified.language(),
                a.title(), a.lead(), a.body(),
                new Folded(TextFolding.fold(a.title()), TextFolding.fold(a.lead()), TextFolding.fold(a.body())),
                classified.pair() == null ? null : classified.pair().code(),
                classified.countries().stream().map(CountryTag::code).toList(),
                classified.regions().stream().map(RegionTag::code).toList(),
                classified.regions().stream().map(RegionTag::currentCode).distinct().toList(),
                classified.topics().stream().map(TopicTag::topic).toList(),
                a.publishedAt() != null ? a.publishedAt() : a.ingestedAt(),
                a.ingestedAt(),
                classified.classifiedAt(),
                classified.classifierVersion(),
                new Tags(classified.pair(), classified.countries(), classified.regions(), classified.topics()),
                List.of());
    }
}
