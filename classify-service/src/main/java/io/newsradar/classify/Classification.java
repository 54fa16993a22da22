package io.newsradar.classify;

import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.PairTag;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import java.util.List;

/**
 * The tags of one text.
 *
 * @param version   the classifier that produced them
 * @param language  the language it read the text in, {@code und} when none it knows
 * @param pair      the two countries the story is about, {@code null} for none
 * @param countries countries acting in the story, most salient first
 * @param regions   regions acting in the story, most salient first
 * @param topics    topics the story covers, highest score first
 */
public record Classification(String version, String language, PairTag pair, List<CountryTag> countries,
                             List<RegionTag> regions, List<TopicTag> topics) {

    public Classification {
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
        topics = List.copyOf(topics);
    }

    static Classification none(String version, String language) {
        return new Classification(version, language, null, List.of(), List.of(), List.of());
    }
}
