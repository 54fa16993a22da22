package io.newsradar.gateway.search;

import io.newsradar.classify.region.Region;
import io.newsradar.classify.region.RegionGazetteer;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The first-level region codes the classifier tags, with the merges between them (Vietnam's provinces in 2025): a
 * region filter matches a code, the region that holds it today, and the regions merged into it.
 */
public final class RegionCodes {

    /** Each code with the code of the region that holds it today. */
    private final Map<String, String> current;

    RegionCodes(Map<String, String> current) {
        this.current = Map.copyOf(current);
    }

    /** The codes of the classifier's bundled gazetteer. */
    public static RegionCodes load() {
        return new RegionCodes(RegionGazetteer.load(null).regions().values().stream()
                .collect(Collectors.toMap(Region::code, Region::current, (a, b) -> a)));
    }

    public boolean isKnown(String code) {
        return current.containsKey(code);
    }

    /** The code, its successor and its predecessors: {@code VN-54} → VN-54, VN-56; {@code VN-56} → VN-54, VN-56. */
    public Set<String> related(String code) {
        Set<String> related = new TreeSet<>();
        related.add(code);
        related.add(current.getOrDefault(code, code));
        current.forEach((c, now) -> {
            if (now.equals(code)) {
                related.add(c);
            }
        });
        return related;
    }
}
