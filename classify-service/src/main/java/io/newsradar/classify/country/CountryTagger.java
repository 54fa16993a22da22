package io.newsradar.classify.country;

import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.lexicon.NameMention;
import io.newsradar.classify.lexicon.Term;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighs the countries acting in a story. A name counts its part's weight (title 3, lead 2, body 1), and a region
 * counts for its country; a capital or a {@code weak} name counts half; a name that is only where something
 * happened ("in France") counts half again. The body's contribution is capped so that a long text cannot outweigh
 * the headline. A country named in an article of its home language (Vietnam in Vietnamese) gets one more: its own
 * press names it sparingly. A country acts in the story from a mass of {@link #MIN_MASS}, or of
 * {@link #MIN_MASS_MULTILATERAL} in a story led by a forum, whose members are named once each; its score is
 * {@code mass / (mass + 3)}.
 */
public final class CountryTagger {

    /** One title mention, one lead mention, or two plain body mentions. */
    public static final double MIN_MASS = 2.0;
    /** A participant named once in the body of a story led by a forum (an ASEAN summit, a UN session). */
    public static final double MIN_MASS_MULTILATERAL = 1.0;
    static final double HOME_BONUS = 1.0;
    static final double BODY_CAP = 6.0;
    private static final int MAX_EVIDENCE = 5;

    /** A country's weight in the story and what it rests on. */
    public static final class Tally {
        private final String code;
        private double head;
        private double body;
        private double bonus;
        private final List<NameMention> mentions = new ArrayList<>();

        Tally(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The weight of the title and lead mentions plus the capped weight of the body's. */
        public double mass() {
            return head + Math.min(body, BODY_CAP) + bonus;
        }

        /** The weight of its title and lead mentions alone. */
        public double headMass() {
            return head;
        }

        public List<NameMention> mentions() {
            return mentions;
        }

        void add(NameMention m, double weight) {
            if (m.mention().field() == Evidence.Field.BODY) {
                body += weight;
            } else {
                head += weight;
            }
            mentions.add(m);
        }

        public CountryTag tag() {
            return new CountryTag(code, score(mass()), evidence(mentions));
        }
    }

    /**
     * The tallies of every country named, heaviest first (those below the acting mass included).
     *
     * @param home the country whose own language the article is written in, or {@code null}
     */
    public List<Tally> tally(List<NameMention> names, String home) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        List<NameMention> conditional = new ArrayList<>();
        for (NameMention m : names) {
            if (m.mention().term().has(Term.Flag.NEEDS_COUNTRY)) {
                conditional.add(m);
            } else {
                tallies.computeIfAbsent(m.country(), Tally::new).add(m, weight(m));
            }
        }
        for (NameMention m : conditional) {
            Tally tally = tallies.get(m.country());
            if (tally != null) {
                tally.add(m, weight(m));
            }
        }
        Tally own = home == null ? null : tallies.get(home);
        if (own != null) {
            own.bonus = HOME_BONUS;
        }
        List<Tally> sorted = new ArrayList<>(tallies.values());
        sorted.sort(Comparator.comparingDouble(Tally::mass).reversed().thenComparing(Tally::code));
        return sorted;
    }

    /** The countries acting in the story, most salient first: those of at least {@code minMass}. */
    public List<CountryTag> tag(List<Tally> tallies, double minMass) {
        List<CountryTag> tags = new ArrayList<>();
        for (Tally t : tallies) {
            if (t.mass() >= minMass) {
                tags.add(t.tag());
            }
        }
        return tags;
    }


    static double weight(NameMention m) {
        double w = m.mention().fieldWeight();
        Meaning meaning = m.mention().meaning();
        if (meaning instanceof Meaning.CountryName c && c.capital()
                || m.mention().term().has(Term.Flag.WEAK)) {
            w *= 0.5;
        }
        return m.venue() ? w * 0.5 : w;
    }

    /** {@code mass / (mass + 3)}, to three decimals: 0.4 at the acting mass, 0.75 at a mass of 9. */
    public static double score(double mass) {
        return Math.round(mass / (mass + 3.0) * 1000) / 1000.0;
    }

    /** The strongest evidence first: title, then lead, then body, each in text order; distinct phrases. */
    public static List<Evidence> evidence(List<NameMention> mentions) {
        List<Evidence> all = new ArrayList<>();
        for (NameMention m : mentions) {
            all.add(m.mention().evidence());
        }
        all.sort(Comparator.comparing(Evidence::field).thenComparingInt(Evidence::offset));
        List<Evidence> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Evidence e : all) {
            String key = e.field() + e.phrase();
            if (out.size() < MAX_EVIDENCE && !seen.contains(key)) {
                out.add(e);
                seen.add(key);
            }
        }
        return out;
    }
}
