package io.newsradar.classify.lexicon;

import io.newsradar.classify.region.RegionGazetteer;
import java.util.ArrayList;
import java.util.List;

/**
 * A country or region name as it stands in the article: after a venue preposition ("tại Hà Nội", "in Tokyo": only
 * where something happened) or with a designation ("tỉnh Gunma", "Gunma prefecture": clearly a region).
 *
 * @param linkedTo the country code of a name joined to this one by a dash or "and" ("Việt Nam – Nhật Bản",
 *                 "Vietnam and Japan"), or {@code null}
 */
public record NameMention(Lexicon.Mention mention, boolean venue, boolean designated, String linkedTo) {

    private static final List<String> CONNECTORS = List.of("-", "–", "—", "/", "va", "and", "et", "voi", "with", "avec", "&");

    /** The names among one part's mentions, read in their context. */
    public static List<NameMention> read(List<Lexicon.Mention> mentions, RegionGazetteer.Affixes affixes) {
        List<Lexicon.Mention> names = new ArrayList<>();
        List<Lexicon.Mention> venues = new ArrayList<>();
        for (Lexicon.Mention m : mentions) {
            if (m.meaning().layer() == Meaning.Layer.NAME) {
                names.add(m);
            } else if (m.meaning() instanceof Meaning.ContextWord w && w.kind() == Meaning.Context.VENUE) {
                venues.add(m);
            }
        }
        List<NameMention> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            Lexicon.Mention m = names.get(i);
            String folded = m.part().folded();
            boolean designated = m.meaning() instanceof Meaning.RegionName && affixes.marks(folded, m.start(), m.end());
            boolean venue = afterVenue(m, venues, affixes) || i > 0 && out.get(i - 1).venue() && joined(names.get(i - 1), m);
            out.add(new NameMention(m, venue, designated, linked(names, i)));
        }
        return out;
    }

    /** Whether two names follow each other with only a connector or a comma between them ("in Hanoi and Hue"). */
    private static boolean joined(Lexicon.Mention first, Lexicon.Mention next) {
        if (first.start() == next.start()) {
            return true;
        }
        if (next.start() < first.end() || next.start() - first.end() > 6) {
            return false;
        }
        String gap = next.part().folded().substring(first.end(), next.start()).strip();
        return gap.equals(",") || CONNECTORS.contains(gap);
    }

    /** The country a name stands for (a region's country for a region). */
    public String country() {
        return countryOf(mention);
    }

    private static boolean afterVenue(Lexicon.Mention name, List<Lexicon.Mention> venues, RegionGazetteer.Affixes affixes) {
        String folded = name.part().folded();
        for (Lexicon.Mention venue : venues) {
            if (venue.end() <= name.start() && name.start() - venue.end() <= 24) {
                String gap = folded.substring(venue.end(), name.start()).strip();
                if (gap.isEmpty() || affixes.prefixes().contains(gap)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The country of the name just before or after this one when a connector joins them, unless the two are items
     * of a longer list ("Vietnam, Thailand, Laos and Cambodia").
     */
    private static String linked(List<Lexicon.Mention> names, int i) {
        Lexicon.Mention m = names.get(i);
        String own = countryOf(m);
        if (inList(names, i)) {
            return null;
        }
        for (int j : new int[] {i - 1, i + 1}) {
            if (j < 0 || j >= names.size()) {
                continue;
            }
            Lexicon.Mention other = names.get(j);
            int from = Math.min(m.end(), other.end());
            int to = Math.max(m.start(), other.start());
            if (from > to || to - from > 6) {
                continue;
            }
            String gap = m.part().folded().substring(from, to).strip();
            String code = countryOf(other);
            if (CONNECTORS.contains(gap) && !code.equals(own) && !inList(names, j)) {
                return code;
            }
        }
        return null;
    }

    /** Whether a comma joins the name to a neighbouring name. */
    private static boolean inList(List<Lexicon.Mention> names, int i) {
        Lexicon.Mention m = names.get(i);
        for (int j : new int[] {i - 1, i + 1}) {
            if (j >= 0 && j < names.size()) {
                Lexicon.Mention other = names.get(j);
                int from = Math.min(m.end(), other.end());
                int to = Math.max(m.start(), other.start());
                if (from <= to && to - from <= 3 && m.part().folded().substring(from, to).strip().equals(",")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String countryOf(Lexicon.Mention m) {
        Meaning meaning = m.meaning();
        return meaning instanceof Meaning.CountryName c ? c.code() : ((Meaning.RegionName) meaning).region().country();
    }
}
