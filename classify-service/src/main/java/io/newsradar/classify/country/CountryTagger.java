package io.newsradar.classify.country;

import io.newsradar.classify.text.ArticleText;
import io.newsradar.classify.text.PhraseMatcher;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags the countries an article names, weighting the title above the lead and the lead above the body. A country's
 * mass is 3 per title mention, 2 per lead mention and 1 per body mention (at most 5 from the body, so a long list
 * of teasers cannot outweigh the headline); its score is {@code mass / (mass + 2)}.
 */
public final class CountryTagger {

    static final int BODY_CAP = 5;
    private static final int MAX_EVIDENCE = 5;

    private final CountryGazetteer gazetteer;

    public CountryTagger(CountryGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The countries named, most salient first. */
    public List<CountryTag> tag(ArticleText text) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (ArticleText.Part part : text.parts()) {
            for (PhraseMatcher.Match<String> match : gazetteer.matcher().find(part.folded())) {
                Tally tally = tallies.computeIfAbsent(match.value(), code -> new Tally());
                tally.add(part, match);
            }
        }
        List<CountryTag> tags = new ArrayList<>();
        tallies.forEach((code, tally) -> tags.add(new CountryTag(code, tally.score(), tally.evidence)));
        tags.sort(Comparator.comparingDouble(CountryTag::score).reversed().thenComparing(CountryTag::code));
        return tags;
    }

    private static final class Tally {
        int title;
        int lead;
        int body;
        final List<Evidence> evidence = new ArrayList<>();

        void add(ArticleText.Part part, PhraseMatcher.Match<String> match) {
            switch (part.field()) {
                case TITLE -> title++;
                case LEAD -> lead++;
                case BODY -> body++;
            }
            if (evidence.size() < MAX_EVIDENCE) {
                evidence.add(new Evidence(part.original().substring(match.start(), match.end()), part.field(), match.start()));
            }
        }

        double score() {
            double mass = 3.0 * title + 2.0 * lead + Math.min(body, BODY_CAP);
            return Math.round(mass / (mass + 2.0) * 1000) / 1000.0;
        }
    }
}
