package io.newsradar.classify.pair;

import io.newsradar.classify.model.Features;
import io.newsradar.classify.model.LogisticModel;
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
     * What the pair decision reads of its candidate: {@code rule} (1 when the hand rule keeps the pair), the
     * lighter's share of the heavier ({@code ratio}), the third country's weight over the lighter's ({@code third},
     * at most 2), the links written between the two over 3 ({@code link}, at most 2), whether a forum leads the story
     * ({@code forum}), log of 1 + the acting countries ({@code acting}), log of 1 + each one's mass ({@code lighter},
     * {@code heavier}) and whether the pair holds the home country of the story's language ({@code home}).
     */
    public static final Features.Schema SCHEMA = new Features.Schema(
            List.of("rule", "ratio", "third", "link", "forum", "acting", "lighter", "heavier", "home"));

    /** The name of the pair decision in the weights file. */
    public static final String MODEL = "pair";

    private final LogisticModel model;

    /** The hand rule alone. */
    public PairPicker() {
        this(null);
    }

    /** With the fitted decision, or {@code null} for the hand rule. */
    public PairPicker(LogisticModel model) {
        this.model = model;
    }

    /**
     * The two countries a pair would be, its features and the hand rule's confidence in it ({@code rule} null when the
     * rule says none).
     */
    public record Candidate(String a, String b, Features features, Double rule) {
    }

    /**
     * The pair, or {@code null} for none.
     *
     * @param tallies           every country named, heaviest first
     * @param names             the country and region names, for the links between them
     * @param multilateralInHead how many forum words the title and lead hold
     * @param minMass           the mass from which a country acts in this story
     * @param home              the home country of the story's language, or {@code null}
     */
    public PairTag pick(List<CountryTagger.Tally> tallies, List<NameMention> names, int multilateralInHead, double minMass,
                        String home) {
        Candidate c = candidate(tallies, names, multilateralInHead, minMass, home);
        if (c == null) {
            return null;
        }
        if (model == null) {
            return c.rule() == null ? null : PairTag.of(c.a(), c.b(), c.rule());
        }
        double p = model.probability(c.features());
        return p < 0.5 ? null : PairTag.of(c.a(), c.b(), Math.round(p * 1000) / 1000.0);
    }

    /** The candidate pair of a story, or {@code null} when fewer than two countries act in it. */
    public Candidate candidate(List<CountryTagger.Tally> tallies, List<NameMention> names, int multilateralInHead,
                               double minMass, String home) {
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
        double third = 0;
        for (CountryTagger.Tally t : acting) {
            if (t != a && t != b) {
                third = Math.max(third, t.mass());
            }
        }
        boolean passing = !linked && lighter < PASSING_RATIO * heavier;
        boolean crowded = third >= MULTILATERAL_RATIO * lighter;
        boolean none = passing || crowded && best < 3.0 || multilateralInHead > 0 && acting.size() >= 3 && !linked;
        Double rule = null;
        if (!none) {
            double confidence = CountryTagger.score(lighter) + (linked ? 0.15 : 0.0) - (third > 0 ? 0.1 * third / lighter : 0.0);
            rule = Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 1000) / 1000.0;
        }
        Features features = SCHEMA.builder()
                .set("rule", none ? 0 : 1)
                .set("ratio", lighter / heavier)
                .set("third", Math.min(2.0, third / lighter))
                .set("link", Math.min(2.0, best / 3.0))
                .set("forum", multilateralInHead > 0 ? 1 : 0)
                .set("acting", Math.log1p(acting.size()))
                .set("lighter", Math.log1p(lighter))
                .set("heavier", Math.log1p(heavier))
                .set("home", home != null && (home.equals(a.code()) || home.equals(b.code())) ? 1 : 0)
                .build();
        return new Candidate(a.code(), b.code(), features, rule);
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
