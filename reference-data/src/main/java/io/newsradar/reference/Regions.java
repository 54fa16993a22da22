package io.newsradar.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first-level subdivisions of every country, with the merges between them (Vietnam's provinces in 2025) and their
 * names in every language. A country's regions come from its curated file {@code regions/<CC>.tsv} (code, current code,
 * language, name, flags) when it has one, else from the file generated from ISO 3166-2 and CLDR,
 * {@code regions/iso/<CC>.tsv} (the same columns, then the source's type and what a flagged name collides with): the
 * curated file replaces the generated one whole, so the curators decide which subdivisions a country has.
 */
public final class Regions {

    /**
     * One name of a region, as its line gives it.
     *
     * @param region   the region it names
     * @param language the language it is written in, {@code *} for any
     * @param written  the name as written
     * @param flags    the line's flags column, or empty
     * @param line     where it was read, for error messages
     */
    public record Name(Region region, String language, String written, String flags, DataFile.Line line) {
    }

    /** Where the generated files are, below the data root (tools/gazetteer/generate.py writes them). */
    public static final String GENERATED = "regions/iso/";

    private final Map<String, Region> regions;
    private final List<Name> names;

    private Regions(Map<String, Region> regions, List<Name> names) {
        this.regions = Map.copyOf(regions);
        this.names = List.copyOf(names);
    }

    /** Reads every country's region file found (in {@code dataDir} first, then on the classpath). */
    public static Regions load(Path dataDir, Countries countries) {
        Map<String, Region> regions = new LinkedHashMap<>();
        List<Name> names = new ArrayList<>();
        for (String country : countries.codes()) {
            DataFile.readIfPresent(dataDir, "regions/" + country + ".tsv", 4, 5)
                    .or(() -> DataFile.readIfPresent(dataDir, GENERATED + country + ".tsv", 4, 7))
                    .ifPresent(lines -> lines.forEach(line -> read(country, line, regions, names)));
        }
        for (Region region : regions.values()) {
            if (!regions.containsKey(region.current())) {
                throw new IllegalStateException("regions/" + region.country() + ".tsv: " + region.code()
                        + " is held by " + region.current() + ", which has no line of its own");
            }
        }
        return new Regions(regions, names);
    }

    private static void read(String country, DataFile.Line line, Map<String, Region> regions, List<Name> names) {
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
        names.add(new Name(region, line.column(2), line.column(3), line.column(4), line));
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    /** Every region by code, today's and merged ones alike. */
    public Map<String, Region> all() {
        return regions;
    }

    /** The region names, one per line of the files. */
    public List<Name> names() {
        return names;
    }

    /**
     * The code, the region that holds it today and the regions merged into it: {@code VN-54} → VN-54, VN-56;
     * {@code VN-56} → VN-54, VN-56. A code newsradar does not know is related to itself alone.
     */
    public Set<String> related(String code) {
        Set<String> related = new TreeSet<>();
        related.add(code);
        region(code).ifPresent(region -> related.add(region.current()));
        regions.values().stream().filter(r -> r.current().equals(code)).forEach(r -> related.add(r.code()));
        return related;
    }
}
