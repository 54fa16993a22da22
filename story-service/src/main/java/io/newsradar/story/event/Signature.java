package io.newsradar.story.event;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the window keeps of one article: its anchors, LSH band keys, date and pair. */
record Signature(String articleId, Set<String> names, Set<String> numbers, long[] bandKeys, LocalDate day,
                 boolean dated, boolean monthOnly, String pair) {

    Set<String> anchors() {
        Set<String> all = new HashSet<>(names);
        all.addAll(numbers);
        return all;
    }

    static Signature of(Article article, MinHash minHash, LocalDate fallbackDay) {
        Set<String> names = Anchors.names(Normalizer.normalize(article.text(), Normalizer.Form.NFC));
        Set<String> numbers = Anchors.numbers(article.text());
        Set<String> all = new HashSet<>(names);
        all.addAll(numbers);
        boolean dated = article.published() != null;
        return new Signature(article.id(), names, numbers, minHash.bandKeys(all),
                dated ? article.published() : fallbackDay, dated, article.publishedMonthOnly(), article.pair());
    }

    /** The signature an article had when it was assigned, from what its assignment kept. */
    static Signature of(Assignment past, MinHash minHash) {
        Set<String> names = new LinkedHashSet<>(past.names());
        Set<String> numbers = new LinkedHashSet<>(past.numbers());
        Set<String> all = new HashSet<>(names);
        all.addAll(numbers);
        return new Signature(past.articleId(), names, numbers, minHash.bandKeys(all), past.day(), past.dated(), false,
                past.pair());
    }
}
