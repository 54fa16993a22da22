package io.newsradar.classify.pair;

import io.newsradar.classify.country.CountryTagger;
import io.newsradar.classify.lexicon.NameMention;
import io.newsradar.contracts.PairTag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the two countries whose relationship a story is about, or none. The candidates are the two heaviest acting
 * countries, unless two acting countries are written as a pair ("Việt Nam – Nhật Bản", "Vietnam and Japan") often
 * enough: that pair wins. None when the second country only passes through the story (far lighter than the first),
 * when a third country weighs about as much (three or more on an equal footing), or when a forum (ASEAN, the UN, a
 * summit) leads a story of three or more countries that does not name its pair as a pair.
 */
public final class PairPicker {

    /** The lighter of the two must weigh at least this share of the heavier. */
    static final double PASSING_RATIO = 0.25;
    /** A third country weighing this share of the lighter of the two makes the story multilateral. */
    static final double MULTILATERAL_RATIO = 0.6;
    /** Link weight (3 per title link, 2 per lead link, 1 per body link) that settles a pair. */
    static final double LINK_DECISIVE = 2.0;

    /**
     * The pair, or {@code null} for none.
     *
     * @param tallies           every country named, heaviest first
     * @param names             the country and region names, for the links between them
     * @param multilateralInHead how many forum words the title and lead hold
     * @param minMass           the mass from which a country acts in this story
     */
    public PairTag pick(List<CountryTagger.Tally> tallies, List<NameMention> names, int multilateralInHead, double minMass) {
        List<CountryTagger.Tally> acting = tallies.stream().filter(t -> t.mass() >= minMass).toList();
        if (acting.size() < 2) {
            return null;
        }
        Map<String, Double> links = links(names);
        CountryTagger.Tally a = acting.get(0);
        CountryTagger.Tally b = acting.get(1);
        double best = links.getOrDefault(key(a.code(), b.code()), 0.0);
        for (int i = 0; i < acting.size(); i++) {
            for (int j = i + 1; j < acting.size(); j++) {
                double w = links.getOrDefault(key(acting.get(i).code(), acting.get(j).code()), 0.0);
                if (w > best + 1.0) {
                    best = w;
                    a = acting.get(i);
                    b = acting.get(j);
                }
            }
        }
        boolean linked = best >= LINK_DECISIVE;
        double lighter = Math.min(a.mass(), b.mass());
        double heavier = Math.max(a.mass(), b.mass());
        if (!linked && lighter < PASSING_RATIO * heavier) {
            return null;
        }
        double third = 0;
        for (CountryTagger.Tally t : acting) {
            if (t != a && t != b) {
                third = Math.max(third, t.mass());
            }
        }
        boolean crowded = third >= MULTILATERAL_RATIO * lighter;
        if (crowded && best < 3.0 || multilateralInHead > 0 && acting.size() >= 3 && !linked) {
            return null;
        }
        double confidence = CountryTagger.score(lighter) + (linked ? 0.15 : 0.0) - (third > 0 ? 0.1 * third / lighter : 0.0);
        return PairTag.of(a.code(), b.code(), Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 1000) / 1000.0);
    }

    private static Map<String, Double> links(List<NameMention> names) {
        Map<String, Double> links = new HashMap<>();
        for (NameMention m : names) {
            if (m.linkedTo() != null) {
                // Each link is seen from both of its names: half a weight each.
                links.merge(key(m.country(), m.linkedTo()), m.mention().fieldWeight() / 2, Double::sum);
            }
        }
        return links;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }
}
