package io.newsradar.ingest.schedule;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.ingest.parse.FeedItem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an item's page is fetched for its story: always for a feed with {@code fetch-full-article}, and for any
 * other feed when the item's own text (the longer of its summary and content) has fewer than
 * {@code summaryWordsBelow} words, so that a story is not classified from a teaser. {@code 0} fetches only for feeds
 * that ask for it.
 */
public record FetchDecision(int summaryWordsBelow) {

    /** Only feeds with {@code fetch-full-article}. */
    public static final FetchDecision FEED_FLAG_ONLY = new FetchDecision(0);

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public FetchDecision {
        if (summaryWordsBelow < 0) {
            throw new IllegalArgumentException("summary words below which a page is fetched must be 0 or more, was "
                    + summaryWordsBelow);
        }
    }

    boolean fetch(FeedSpec feed, FeedItem item) {
        if (item.link() == null) {
            return false;
        }
        return feed.fetchFullArticle() || Math.max(words(item.summary()), words(item.content())) < summaryWordsBelow;
    }

    static int words(String text) {
        if (text == null) {
            return 0;
        }
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
