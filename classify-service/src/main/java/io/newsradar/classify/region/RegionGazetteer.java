package io.newsradar.classify.region;

import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.lexicon.Term;
import io.newsradar.contracts.TextFolding;
import io.newsradar.reference.Countries;
import io.newsradar.reference.DataFile;
import io.newsradar.reference.Region;
import io.newsradar.reference.Regions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regions of reference-data ({@link Regions}: codes, successors and names in every language) as the classifier
 * matches them, with the designations ({@code tỉnh}, {@code prefecture}) of {@code regions/affixes.tsv}.
 */
public final class RegionGazetteer {

    private final Regions regions;
    private final List<Term> terms;
    private final Affixes affixes;

    private RegionGazetteer(Regions regions, List<Term> terms, Affixes affixes) {
        this.regions = regions;
        this.terms = List.copyOf(terms);
        this.affixes = affixes;
    }

    /** Reads every country's region file found (in {@code dataDir} first, then on the classpath). */
    public static RegionGazetteer load(Path dataDir) {
        Regions regions = Regions.load(dataDir, Countries.iso());
        List<Term> terms = new ArrayList<>();
        for (Regions.Name name : regions.names()) {
            terms.add(Term.of(name.line(), name.language(), name.written(), new Meaning.RegionName(name.region()), name.flags()));
        }
        return new RegionGazetteer(regions, terms, Affixes.load(dataDir));
    }

    public Optional<Region> region(String code) {
        return regions.region(code);
    }

    public Map<String, Region> regions() {
        return regions.all();
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
