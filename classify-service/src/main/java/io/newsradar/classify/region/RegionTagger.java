package io.newsradar.classify.region;

import io.newsradar.classify.country.CountryTagger;
import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.lexicon.NameMention;
import io.newsradar.classify.lexicon.Term;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.RegionTag;
import io.newsradar.reference.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weighs the regions acting in a story. A name counts its part's weight (title 3, lead 2, body 1), half for a
 * {@code weak} name, one and a half with its designation ("tỉnh Gunma", "Aichi Prefecture"). In a story between
 * countries, a name that is only where something happened ("tại Hà Nội", "held in Tokyo") counts for nothing, and so
 * does a capital's name without its designation ("Hanoi and Washington agreed": the governments); in a domestic
 * story, the place where things happen is what the story is about, and both count. A {@code needs-country} name
 * counts only when its country acts in the story. A region acts from a mass of {@link #MIN_MASS}.
 */
public final class RegionTagger {

    static final double MIN_MASS = 2.0;
    static final double BODY_CAP = 6.0;

    /** The regions acting in the story, most salient first. */
    public List<RegionTag> tag(List<NameMention> names, Set<String> actingCountries) {
        Map<Region, double[]> masses = new LinkedHashMap<>();
        Map<Region, List<NameMention>> mentions = new LinkedHashMap<>();
        for (NameMention m : names) {
            if (!(m.mention().meaning() instanceof Meaning.RegionName r)) {
                continue;
            }
            boolean domestic = actingCountries.isEmpty()
                    || actingCountries.size() == 1 && actingCountries.contains(r.region().country());
            if (!domestic && (m.venue() || !m.designated() && isCapital(m, names))) {
                continue;
            }
            Term term = m.mention().term();
            if (term.has(Term.Flag.NEEDS_COUNTRY) && !actingCountries.contains(r.region().country())) {
                continue;
            }
            double w = m.mention().fieldWeight() * (term.has(Term.Flag.WEAK) ? 0.5 : 1.0) * (m.designated() ? 1.5 : 1.0);
            double[] mass = masses.computeIfAbsent(r.region(), x -> new double[2]);
            mass[m.mention().field() == Evidence.Field.BODY ? 1 : 0] += w;
            mentions.computeIfAbsent(r.region(), x -> new ArrayList<>()).add(m);
        }
        List<RegionTag> tags = new ArrayList<>();
        masses.forEach((region, mass) -> {
            double total = mass[0] + Math.min(mass[1], BODY_CAP);
            if (total >= MIN_MASS) {
                tags.add(new RegionTag(region.code(), region.country(), region.name(), region.current(),
                        CountryTagger.score(total), CountryTagger.evidence(mentions.get(region))));
            }
        });
        tags.sort(Comparator.comparingDouble(RegionTag::score).reversed().thenComparing(RegionTag::code));
        return tags;
    }

    /** Whether the region's name is also a capital's, at the same place in the text. */
    private static boolean isCapital(NameMention region, List<NameMention> names) {
        for (NameMention m : names) {
            if (m.mention().meaning() instanceof Meaning.CountryName c && c.capital()
                    && m.mention().part() == region.mention().part() && m.mention().start() == region.mention().start()) {
                return true;
            }
        }
        return false;
    }
}
