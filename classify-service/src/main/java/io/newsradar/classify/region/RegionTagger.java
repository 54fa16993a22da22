package io.newsradar.classify.region;

import io.newsradar.classify.model.Features;
import io.newsradar.classify.model.LogisticModel;
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
    /** Two region names this close (in folded characters) stand in one list ("Gunma, Tochigi and Ibaraki"). */
    static final int LIST_GAP = 12;

    /**
     * What a region decision reads of one region named in a story: {@code rule} (1 when the hand rule tags it), log of
     * 1 + its counted mass in the title and lead ({@code head}) and in the body ({@code body}), whether a mention
     * carries its designation ({@code designated}), the share of its mentions that are only venues ({@code venue}) or
     * stand in a list of regions ({@code listed}), whether the story is domestic ({@code domestic}) and its country
     * acts ({@code country}), log of 1 + the regions named in the story ({@code regions}), and where its first mention
     * stands, 0 at the start of the title to 1 at the end of the body ({@code first}).
     */
    public static final Features.Schema SCHEMA = new Features.Schema(List.of(
            "rule", "head", "body", "designated", "venue", "listed", "domestic", "country", "regions", "first"));

    /** The name of the region decision in the weights file. */
    public static final String MODEL = "region";

    private final LogisticModel model;

    /** The hand rule alone. */
    public RegionTagger() {
        this(null);
    }

    /** With the fitted decision, or {@code null} for the hand rule. */
    public RegionTagger(LogisticModel model) {
        this.model = model;
    }

    /** One region named in a story, with what its decision reads. */
    public record Candidate(Region region, Features features, boolean rule, double mass, List<NameMention> mentions) {
    }

    /** The regions acting in the story, most salient first. */
    public List<RegionTag> tag(List<NameMention> names, Set<String> actingCountries) {
        List<RegionTag> tags = new ArrayList<>();
        for (Candidate c : candidates(names, actingCountries)) {
            double score;
            if (model != null) {
                score = Math.round(model.probability(c.features()) * 1000) / 1000.0;
                if (score < 0.5) {
                    continue;
                }
            } else if (c.rule()) {
                score = CountryTagger.score(c.mass());
            } else {
                continue;
            }
            Region region = c.region();
            tags.add(new RegionTag(region.code(), region.country(), region.name(), region.current(), score,
                    CountryTagger.evidence(c.mentions())));
        }
        tags.sort(Comparator.comparingDouble(RegionTag::score).reversed().thenComparing(RegionTag::code));
        return tags;
    }

    /** Every region the story names whose country may act, in the order first named. */
    public List<Candidate> candidates(List<NameMention> names, Set<String> actingCountries) {
        Map<Region, double[]> masses = new LinkedHashMap<>();
        Map<Region, List<NameMention>> counted = new LinkedHashMap<>();
        Map<Region, List<NameMention>> all = new LinkedHashMap<>();
        List<NameMention> regionNames = new ArrayList<>();
        for (NameMention m : names) {
            if (m.mention().meaning() instanceof Meaning.RegionName) {
                regionNames.add(m);
            }
        }
        int length = 0;
        for (NameMention m : regionNames) {
            length = Math.max(length, offset(m) + 1);
        }
        boolean domestic = actingCountries.size() <= 1;
        for (NameMention m : regionNames) {
            Meaning.RegionName r = (Meaning.RegionName) m.mention().meaning();
            Term term = m.mention().term();
            if (term.has(Term.Flag.NEEDS_COUNTRY) && !actingCountries.contains(r.region().country())) {
                continue;
            }
            all.computeIfAbsent(r.region(), x -> new ArrayList<>()).add(m);
            masses.computeIfAbsent(r.region(), x -> new double[2]);
            boolean home = actingCountries.isEmpty()
                    || actingCountries.size() == 1 && actingCountries.contains(r.region().country());
            if (!home && (m.venue() || !m.designated() && isCapital(m, names))) {
                continue;
            }
            double w = m.mention().fieldWeight() * (term.has(Term.Flag.WEAK) ? 0.5 : 1.0) * (m.designated() ? 1.5 : 1.0);
            masses.get(r.region())[m.mention().field() == Evidence.Field.BODY ? 1 : 0] += w;
            counted.computeIfAbsent(r.region(), x -> new ArrayList<>()).add(m);
        }
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<Region, List<NameMention>> e : all.entrySet()) {
            Region region = e.getKey();
            double[] mass = masses.get(region);
            double total = mass[0] + Math.min(mass[1], BODY_CAP);
            List<NameMention> mentions = e.getValue();
            int venues = 0;
            int listed = 0;
            boolean designated = false;
            int first = Integer.MAX_VALUE;
            for (NameMention m : mentions) {
                venues += m.venue() ? 1 : 0;
                listed += inList(m, regionNames) ? 1 : 0;
                designated |= m.designated();
                first = Math.min(first, offset(m));
            }
            Features features = SCHEMA.builder()
                    .set("rule", total >= MIN_MASS ? 1 : 0)
                    .set("head", Math.log1p(mass[0]))
                    .set("body", Math.log1p(Math.min(mass[1], BODY_CAP)))
                    .set("designated", designated ? 1 : 0)
                    .set("venue", venues / (double) mentions.size())
                    .set("listed", listed / (double) mentions.size())
                    .set("domestic", domestic ? 1 : 0)
                    .set("country", actingCountries.contains(region.country()) ? 1 : 0)
                    .set("regions", Math.log1p(all.size()))
                    .set("first", length == 0 ? 0 : first / (double) length)
                    .build();
            List<NameMention> evidence = counted.getOrDefault(region, mentions);
            out.add(new Candidate(region, features, total >= MIN_MASS, total, evidence));
        }
        return out;
    }

    /** A mention's place in the whole story: the title first, then the lead, then the body. */
    private static int offset(NameMention m) {
        int base = switch (m.mention().field()) {
            case TITLE -> 0;
            case LEAD -> 1_000;
            default -> 10_000;
        };
        return base + m.mention().start();
    }

    /** Whether another region's name stands within {@link #LIST_GAP} characters of this one in the same part. */
    private static boolean inList(NameMention m, List<NameMention> regionNames) {
        for (NameMention other : regionNames) {
            if (other == m || other.mention().part() != m.mention().part()
                    || other.mention().meaning().equals(m.mention().meaning())) {
                continue;
            }
            int gap = other.mention().start() >= m.mention().end() ? other.mention().start() - m.mention().end()
                    : m.mention().start() - other.mention().end();
            if (gap >= 0 && gap <= LIST_GAP) {
                return true;
            }
        }
        return false;
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
