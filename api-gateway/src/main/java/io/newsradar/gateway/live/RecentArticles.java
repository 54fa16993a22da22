package io.newsradar.gateway.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The latest articles read from Kafka, in the order they were read, at most {@code capacity}. A stream resuming from
 * an article still held here is sent what came after it in that same order, so differences between the classifiers'
 * clocks cannot make it miss or repeat one; and what Kafka delivered before the index had it is not lost.
 */
final class RecentArticles {

    private final int capacity;
    private final ArrayDeque<LiveArticle> articles;

    RecentArticles(int capacity) {
        this.capacity = capacity;
        this.articles = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    synchronized void add(LiveArticle article) {
        if (articles.size() == capacity) {
            articles.removeFirst();
        }
        articles.addLast(article);
    }

    /** The newest article held, if any. */
    synchronized Optional<EventPosition> newest() {
        return articles.isEmpty() ? Optional.empty() : Optional.of(articles.getLast().position());
    }

    /**
     * The matching articles read after the one at this position, oldest first, or empty when that article is not held
     * (any more, or not by this gateway).
     */
    synchronized Optional<List<LiveArticle>> after(EventPosition position, Predicate<LiveArticle> filter) {
        List<LiveArticle> later = new ArrayList<>();
        for (Iterator<LiveArticle> newestFirst = articles.descendingIterator(); newestFirst.hasNext(); ) {
            LiveArticle article = newestFirst.next();
            if (article.position().equals(position)) {
                Collections.reverse(later);
                return Optional.of(later);
            }
            if (filter.test(article)) {
                later.add(article);
            }
        }
        return Optional.empty();
    }

    /** The matching articles positioned after this position, in the order they were read. */
    synchronized List<LiveArticle> laterThan(EventPosition position, Predicate<LiveArticle> filter) {
        return articles.stream().filter(a -> a.position().compareTo(position) > 0 && filter.test(a)).toList();
    }
}
