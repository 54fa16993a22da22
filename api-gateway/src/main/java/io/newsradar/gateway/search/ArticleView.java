package io.newsradar.gateway.search;

import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsradar.contracts.ArticleDocument;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An article as the API shows it: what a client lists and filters by, with the tags' scores and evidence, and the
 * story it is in ({@code null} while it is in none).
 */
public record ArticleView(
        String id,
        String url,
        String title,
        String lead,
        String source,
        String feedId,
        String language,
        Instant publishedAt,
        String pair,
        List<String> countries,
        List<String> regions,
        List<String> topics,
        ArticleDocument.Tags tags,
        String classifierVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Story story) {

    /** The fields of the index that hold an article's story; a search asks for them as {@code fields}. */
    public static final String STORY_FIELDS = "story*";

    /**
     * The story an article is in, and why: the score of its best match, the article it matched ({@code null} for the
     * article that opened the story) and the names and numbers both hold. In a list collapsed by story, also the
     * story's size: its articles, and their distinct sources and languages.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Story(String id, Double score, String matchedArticleId, List<String> sharedNames, List<String> sharedNumbers,
                        Long articles, List<String> sources, List<String> languages) {

        public Story {
            sharedNames = sharedNames == null ? List.of() : List.copyOf(sharedNames);
            sharedNumbers = sharedNumbers == null ? List.of() : List.copyOf(sharedNumbers);
        }

        /** The story as a search hit's {@code fields} give it, {@code null} when the hit has none. */
        public static Story of(Map<String, JsonData> fields) {
            String id = first(fields, "story") instanceof JsonString s ? s.getString() : null;
            if (id == null) {
                return null;
            }
            return new Story(id, first(fields, "storyScore") instanceof JsonNumber n ? n.doubleValue() : null,
                    first(fields, "storyMatchedArticleId") instanceof JsonString s ? s.getString() : null,
                    strings(fields, "storySharedNames"), strings(fields, "storySharedNumbers"), null, null, null);
        }

        /** This story with its size. */
        public Story withSize(long articles, List<String> sources, List<String> languages) {
            return new Story(id, score, matchedArticleId, sharedNames, sharedNumbers, articles, List.copyOf(sources), List.copyOf(languages));
        }

        private static JsonValue first(Map<String, JsonData> fields, String name) {
            JsonData data = fields == null ? null : fields.get(name);
            if (data == null || !(data.toJson() instanceof JsonArray array) || array.isEmpty()) {
                return null;
            }
            return array.get(0);
        }

        private static List<String> strings(Map<String, JsonData> fields, String name) {
            JsonData data = fields == null ? null : fields.get(name);
            if (data == null || !(data.toJson() instanceof JsonArray array)) {
                return List.of();
            }
            return array.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList();
        }
    }

    /** An article in no story. */
    public ArticleView(String id, String url, String title, String lead, String source, String feedId, String language,
            Instant publishedAt, String pair, List<String> countries, List<String> regions, List<String> topics,
            ArticleDocument.Tags tags, String classifierVersion) {
        this(id, url, title, lead, source, feedId, language, publishedAt, pair, countries, regions, topics, tags,
                classifierVersion, null);
    }

    public static ArticleView of(ArticleDocument doc) {
        return of(doc, null);
    }

    public static ArticleView of(ArticleDocument doc, Story story) {
        return new ArticleView(doc.articleId(), doc.url(), doc.title(), doc.lead(), doc.source(), doc.feedId(),
                doc.language(), doc.publishedAt(), doc.pair(), doc.countries(), doc.regions(), doc.topics(), doc.tags(),
                doc.classifierVersion(), story);
    }

    /** This article with its story's size. */
    public ArticleView withStorySize(long articles, List<String> sources, List<String> languages) {
        return story == null ? this : new ArticleView(id, url, title, lead, source, feedId, language, publishedAt, pair,
                countries, regions, topics, tags, classifierVersion, story.withSize(articles, sources, languages));
    }
}
