package io.newsradar.classify.stream;

import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import java.util.List;

/**
 * A classified article with fewer phrases of evidence per tag, for an output that would not fit in a record the
 * broker takes: the tags and their scores stay, the evidence keeps its first phrases (title first, as the classifier
 * gives them). Evidence is what grows with the text; the article itself is never cut here.
 */
final class EvidenceCut {

    /** The most phrases per tag kept at each step of cutting, from none cut to all cut. */
    static final List<Integer> STEPS = List.of(Integer.MAX_VALUE, 3, 0);

    private EvidenceCut() {
    }

    static ClassifiedArticle atMost(ClassifiedArticle article, int phrases) {
        if (phrases == Integer.MAX_VALUE) {
            return article;
        }
        return new ClassifiedArticle(article.schemaVersion(), article.article(), article.classifierVersion(),
                article.classifiedAt(), article.language(), article.pair(),
                article.countries().stream().map(c -> new CountryTag(c.code(), c.score(), first(c.evidence(), phrases))).toList(),
                article.regions().stream().map(r -> new RegionTag(r.code(), r.country(), r.name(), r.currentCode(), r.score(),
                        first(r.evidence(), phrases))).toList(),
                article.topics().stream().map(t -> new TopicTag(t.topic(), t.score(), first(t.evidence(), phrases))).toList());
    }

    private static List<Evidence> first(List<Evidence> evidence, int phrases) {
        return evidence.size() <= phrases ? evidence : evidence.subList(0, phrases);
    }
}
