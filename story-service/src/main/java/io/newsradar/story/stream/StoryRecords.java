package io.newsradar.story.stream;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.StoryAssignment;
import io.newsradar.story.event.Article;
import io.newsradar.story.event.Assignment;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The story stage's translations: a classified article as the clusterer reads it, and an assignment as
 * {@code news.stories} holds it and back again.
 */
final class StoryRecords {

    private StoryRecords() {
    }

    /**
     * What the clusterer reads of a classified article: title, lead and body as one text, the language the classifier
     * read it in, the UTC day of its published time (ingest always gives one), its pair and countries.
     */
    static Article article(ClassifiedArticle classified) {
        RawArticle raw = classified.article();
        List<String> parts = new ArrayList<>(3);
        for (String part : new String[] {raw.title(), raw.lead(), raw.body()}) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        Instant published = raw.publishedAt() != null ? raw.publishedAt() : raw.ingestedAt();
        return new Article(classified.articleId(), classified.language(), String.join("\n\n", parts),
                published == null ? null : published.atZone(ZoneOffset.UTC).toLocalDate(), false,
                classified.pair() == null ? null : classified.pair().code(),
                classified.countries().stream().map(CountryTag::code).toList());
    }

    /** The record of an assignment made at {@code at}; an article that opens its story scores 1. */
    static StoryAssignment toRecord(Assignment assignment, Instant at) {
        return new StoryAssignment(StoryAssignment.SCHEMA_VERSION, assignment.articleId(), assignment.story(),
                assignment.matched(), assignment.startsStory() ? 1.0 : Math.min(1.0, assignment.score()),
                assignment.sharedNames(), assignment.sharedNumbers(), assignment.names(), assignment.numbers(),
                assignment.day(), assignment.dated(), assignment.pair(), at);
    }

    /** The assignment a record keeps, with the stories the article merged into its own. */
    static Assignment fromRecord(StoryAssignment record, List<String> merged) {
        return new Assignment(record.articleId(), record.storyId(), record.matchedArticleId(),
                record.opensStory() ? 0 : record.score(), record.sharedNames(), record.sharedNumbers(), merged,
                record.names(), record.numbers(), record.day(), record.dated(), record.pair());
    }
}
