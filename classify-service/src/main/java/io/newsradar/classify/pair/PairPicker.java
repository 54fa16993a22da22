package io.newsradar.classify.pair;

import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import java.util.List;

/**
 * Picks the two countries a story is about: the two most salient, when both are salient enough and no third is
 * close to the second (a story among three or more on an equal footing is multilateral, and has no pair).
 */
public final class PairPicker {

    /** A score of 0.5 is a mass of 2: a mention in the lead, or two in the body. */
    static final double MIN_SCORE = 0.5;
    /** A third country scoring at least this share of the second's score makes the story multilateral. */
    static final double MULTILATERAL_RATIO = 0.9;

    /** The pair, or {@code null} for none. */
    public PairTag pick(List<CountryTag> countries) {
        if (countries.size() < 2) {
            return null;
        }
        CountryTag first = countries.get(0);
        CountryTag second = countries.get(1);
        if (second.score() < MIN_SCORE) {
            return null;
        }
        if (countries.size() > 2 && countries.get(2).score() >= MULTILATERAL_RATIO * second.score()) {
            return null;
        }
        return PairTag.of(first.code(), second.code(), Math.min(first.score(), second.score()));
    }
}
