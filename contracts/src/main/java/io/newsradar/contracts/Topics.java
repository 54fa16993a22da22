package io.newsradar.contracts;

import java.util.List;

/**
 * The Kafka topics newsradar's services meet in. The names are part of the public contract:
 * operators create, monitor and scale by them.
 */
public final class Topics {

    /** Compacted feed registry: key feedId, value {@link FeedSpec}; a tombstone removes a feed. */
    public static final String FEEDS = "news.feeds";

    /** Compacted per-feed polling state: key feedId, value {@link FeedState}. */
    public static final String FEED_STATE = "news.feed-state";

    /** Articles as ingested: key articleId, value {@link RawArticle}. */
    public static final String ARTICLES_RAW = "news.articles.raw";

    /** Articles with their tags: key articleId, value {@link ClassifiedArticle}. */
    public static final String ARTICLES_CLASSIFIED = "news.articles.classified";

    /** Records a stage could not process after bounded retries, with headers naming stage and error. */
    public static final String ARTICLES_DLQ = "news.articles.dlq";

    /**
     * Compacted story assignments: key articleId, value {@link StoryAssignment}; and story merges: key
     * {@link StoryMerge#key(String)} of the story merged away, value {@link StoryMerge}.
     */
    public static final String STORIES = "news.stories";

    /** Compacted saved searches: key searchId, value {@link SavedSearch}; a tombstone removes a search. */
    public static final String SEARCHES = "news.searches";

    /** What alert-service found and delivered: key searchId, a match or a spike with its delivery id. */
    public static final String ALERTS = "news.alerts";

    /** Every topic, in pipeline order. */
    public static final List<String> ALL = List.of(FEEDS, FEED_STATE, ARTICLES_RAW, ARTICLES_CLASSIFIED, ARTICLES_DLQ,
            STORIES, SEARCHES, ALERTS);

    /** Topics whose records are the latest value per key and are therefore compacted. */
    public static final List<String> COMPACTED = List.of(FEEDS, FEED_STATE, STORIES, SEARCHES);

    private Topics() {
    }
}
