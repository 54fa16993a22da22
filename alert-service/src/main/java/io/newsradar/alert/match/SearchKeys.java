package io.newsradar.alert.match;

import io.newsradar.reference.filter.ArticleFilter;
import io.newsradar.reference.filter.FilterCriteria;
import io.newsradar.reference.filter.FilteredArticle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The terms a search is filed under and an article is looked up by. A search is filed under every value of its most
 * selective filter, because an article it matches must have one of them: the pair, else its regions (widened to their
 * merged and current ones), else its feeds, sources, the longest word of {@code q} (spaced scripts only), each of
 * its countries with each of its topics (when it has both), countries, topics, languages. A search with none of
 * these (only dates or {@code minConfidence}) is filed under no term: it is on the scan list, tried against every
 * article.
 */
final class SearchKeys {

    private SearchKeys() {
    }

    /** The terms to file a search under; empty for the scan list. */
    static List<String> of(ArticleFilter filter) {
        FilterCriteria c = filter.criteria();
        if (!c.pairs().isEmpty()) {
            return keys("pair", c.pairs());
        }
        if (!filter.regions().isEmpty()) {
            return keys("region", filter.regions());
        }
        if (!c.feeds().isEmpty()) {
            return keys("feed", c.feeds());
        }
        if (!c.sources().isEmpty()) {
            return keys("source", c.sources());
        }
        String word = filter.words().stream().filter(w -> !ArticleFilter.unspaced(w))
                .max(Comparator.comparingInt(String::length)).orElse(null);
        if (word != null) {
            return List.of("word:" + word);
        }
        if (!c.countries().isEmpty() && !c.topics().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (String country : c.countries().stream().sorted().toList()) {
                c.topics().stream().sorted().forEach(topic -> keys.add("country-topic:" + country + "/" + topic));
            }
            return keys;
        }
        if (!c.countries().isEmpty()) {
            return keys("country", c.countries());
        }
        if (!c.topics().isEmpty()) {
            return keys("topic", c.topics());
        }
        if (!c.languages().isEmpty()) {
            return keys("lang", c.languages());
        }
        return List.of();
    }

    /** Every term an article answers to: a search filed under any of them may match it. */
    static List<String> of(FilteredArticle article) {
        List<String> keys = new ArrayList<>();
        if (article.pair() != null) {
            keys.add("pair:" + article.pair());
        }
        article.regions().forEach(r -> keys.add("region:" + r));
        if (article.feedId() != null) {
            keys.add("feed:" + article.feedId());
        }
        if (article.source() != null) {
            keys.add("source:" + article.source());
        }
        for (String word : article.titleWords().split(" ")) {
            if (!word.isEmpty()) {
                keys.add("word:" + word);
            }
        }
        for (String country : article.countries()) {
            keys.add("country:" + country);
            article.topics().forEach(topic -> keys.add("country-topic:" + country + "/" + topic));
        }
        article.topics().forEach(t -> keys.add("topic:" + t));
        if (article.language() != null) {
            keys.add("lang:" + article.language());
        }
        return keys;
    }

    private static List<String> keys(String kind, Set<String> values) {
        return values.stream().sorted().map(v -> kind + ":" + v).toList();
    }
}
