package io.newsradar.classify.region;

import io.newsradar.classify.lexicon.DataFile;
import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.lexicon.Term;
import io.newsradar.contracts.TextFolding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * First-level subdivisions of the countries that have a {@code regions/<CC>.tsv} file, with their names in every
 * language, and the designations ({@code tỉnh}, {@code prefecture}) of {@code regions/affixes.tsv}.
 */
public final class RegionGazetteer {

    private final Map<String, Region> regions;
    private final List<Term> terms;
    private final Affixes affixes;

    private RegionGazetteer(Map<String, Region> regions, List<Term> terms, Affixes affixes) {
        this.regions = Map.copyOf(regions);
        this.terms = List.copyOf(terms);
        this.affixes = affixes;
    }

    /** Reads every country's region file found (in {@code dataDir} first, then on the classpath). */
    public static RegionGazetteer load(Path dataDir) {
        Map<String, Region> regions = new LinkedHashMap<>();
        List<Term> terms = new ArrayList<>();
        for (String country : Locale.getISOCountries()) {
            Optional<List<DataFile.Line>> lines = DataFile.readIfPresent(dataDir, "regions/" + country + ".tsv", 4, 5);
            lines.ifPresent(ls -> ls.forEach(line -> read(country, line, regions, terms)));
        }
        return new RegionGazetteer(regions, terms, Affixes.load(dataDir));
    }

    private static void read(String country, DataFile.Line line, Map<String, Region> regions, List<Term> terms) {
        String code = line.column(0);
        String current = line.column(1);
        if (!code.startsWith(country + "-") || !current.startsWith(country + "-")) {
            throw line.error("codes in regions/" + country + ".tsv must be ISO 3166-2 codes of " + country
                    + " such as " + country + "-01");
        }
        Region region = regions.computeIfAbsent(code, c -> new Region(c, country, current, line.column(3)));
        if (!region.current().equals(current)) {
            throw line.error(code + " was given the current code " + region.current() + " on an earlier line");
        }
        terms.add(Term.of(line, line.column(2), line.column(3), new Meaning.RegionName(region), line.column(4)));
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public Map<String, Region> regions() {
        return regions;
    }

    /** The region names, one term per name and language. */
    public List<Term> terms() {
        return terms;
    }

    public Affixes affixes() {
        return affixes;
    }

    /** The designations that mark a region as a region, folded, by position. */
    public record Affixes(List<String> prefixes, List<String> suffixes) {

        static Affixes load(Path dataDir) {
            List<String> prefixes = new ArrayList<>();
            List<String> suffixes = new ArrayList<>();
            for (DataFile.Line line : DataFile.readIfPresent(dataDir, "regions/affixes.tsv", 3, 3).orElse(List.of())) {
                String phrase = TextFolding.fold(line.column(2)).strip();
                switch (line.column(1)) {
                    case "prefix" -> prefixes.add(phrase);
                    case "suffix" -> suffixes.add(phrase);
                    default -> throw line.error("the position must be prefix or suffix, was '" + line.column(1) + "'");
                }
            }
            return new Affixes(List.copyOf(prefixes), List.copyOf(suffixes));
        }

        /** Whether the folded text names a designation right before {@code start} or right after {@code end}. */
        public boolean marks(String folded, int start, int end) {
            String before = folded.substring(Math.max(0, start - 24), start).stripTrailing();
            for (String prefix : prefixes) {
                if (before.endsWith(prefix) && (before.length() == prefix.length()
                        || !Character.isLetterOrDigit(before.charAt(before.length() - prefix.length() - 1))
                        || !Character.isLetterOrDigit(prefix.charAt(0)))) {
                    return true;
                }
            }
            String after = folded.substring(end, Math.min(folded.length(), end + 24));
            String trimmed = after.startsWith("-") ? after : after.stripLeading();
            for (String suffix : suffixes) {
                if (trimmed.startsWith(suffix) && (trimmed.length() == suffix.length()
                        || !Character.isLetterOrDigit(trimmed.charAt(suffix.length()))
                        || !Character.isLetterOrDigit(suffix.charAt(suffix.length() - 1)))) {
                    return true;
                }
            }
            return false;
        }
    }
}
