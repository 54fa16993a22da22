package io.newsradar.reference;

import java.nio.file.Path;

/**
 * What newsradar's tags can be: the countries, the regions with their successors, and the topics. The classifier tags
 * with these, the gateway accepts these as filters; both load them here from the same files and the same override.
 *
 * @param countries ISO 3166-1 countries
 * @param regions   ISO 3166-2 first-level subdivisions, old and current
 * @param topics    the taxonomy
 */
public record ReferenceData(Countries countries, Regions regions, Topics topics) {

    /**
     * Loads the files from {@code dataDir} where it has them, else the bundled ones.
     *
     * @param dataDir a newsroom's data directory ({@code NEWSRADAR_DATA_DIR}), or {@code null} for the bundled data
     * @throws IllegalStateException naming the file and line when a file is malformed
     */
    public static ReferenceData load(Path dataDir) {
        Countries countries = Countries.iso();
        return new ReferenceData(countries, Regions.load(dataDir, countries), Topics.load(dataDir));
    }
}
