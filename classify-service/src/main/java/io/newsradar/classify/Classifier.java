package io.newsradar.classify;

import io.newsradar.classify.country.CountryGazetteer;
import io.newsradar.classify.country.CountryTagger;
import io.newsradar.classify.pair.PairPicker;
import io.newsradar.classify.text.ArticleText;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.RawArticle;
import java.time.Clock;
import java.util.List;

/**
 * Tags an article with its countries and country pair. Plain Java: usable without Spring, from tests and the
 * command line. This first version tags countries and pairs; regions and topics come with the full classifier.
 */
public final class Classifier {

    public static final String VERSION = "baseline-0.1";

    private final CountryTagger countries;
    private final PairPicker pairs = new PairPicker();
    private final Clock clock;

    public Classifier(CountryGazetteer gazetteer, Clock clock) {
        this.countries = new CountryTagger(gazetteer);
        this.clock = clock;
    }

    /** A classifier with the bundled gazetteer and the system clock. */
    public static Classifier withDefaults() {
        return new Classifier(CountryGazetteer.load(), Clock.systemUTC());
    }

    public ClassifiedArticle classify(RawArticle article) {
        List<CountryTag> tags = countries.tag(ArticleText.of(article));
        return new ClassifiedArticle(ClassifiedArticle.SCHEMA_VERSION, article, VERSION, clock.instant(),
                article.language(), pairs.pick(tags), tags, List.of(), List.of());
    }
}
