package io.newsradar.gateway.search;

import io.newsradar.reference.ReferenceData;
import io.newsradar.reference.Topic;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The codes the article filters accept: the countries, regions (a merged one as well as the one holding it today) and
 * topics the classifier tags with, read from the same reference data and the same newsroom override as the classifier
 * reads. A value is taken in any letter case, but only in ASCII: a look-alike letter ({@code ı}, {@code Ｊ}, Cyrillic
 * {@code Р}) is refused before case mapping could turn it into a code. Anything else is an {@link InvalidQueryException}
 * naming the parameter and the value, and pointing at {@code GET /api/v1/codes}.
 */
public final class KnownCodes {

    /** Where a client finds every valid value. */
    public static final String LIST = "GET /api/v1/codes";
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern PAIR = Pattern.compile("[A-Za-z]{2}-[A-Za-z]{2}");
    private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}-[A-Za-z0-9]{1,3}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
    /** The most characters of a refused value a message repeats. */
    private static final int SHOWN = 40;

    private final ReferenceData data;

    KnownCodes(ReferenceData data) {
        this.data = data;
    }

    /** The bundled data, with the files of {@code dataDir} (a newsroom's own) in their place where it has them. */
    public static KnownCodes load(Path dataDir) {
        return new KnownCodes(ReferenceData.load(dataDir));
    }

    public ReferenceData data() {
        return data;
    }

    /** {@code vn-jp} → {@code JP-VN}: two different known countries, in either order. */
    public String pair(String raw) {
        if (!PAIR.matcher(raw).matches()) {
            throw refused("pair", raw, "is not two ISO 3166-1 alpha-2 codes joined by '-', such as JP-VN");
        }
        String[] two = raw.toUpperCase(Locale.ROOT).split("-");
        for (String country : two) {
            if (!data.countries().isKnown(country)) {
                throw refused("pair", raw, "names " + country + ", which is not an ISO 3166-1 alpha-2 country code");
            }
        }
        if (two[0].equals(two[1])) {
            throw refused("pair", raw, "needs two different countries");
        }
        return two[0].compareTo(two[1]) < 0 ? two[0] + "-" + two[1] : two[1] + "-" + two[0];
    }

    /** {@code jp} → {@code JP}. */
    public String country(String raw) {
        String code = raw.toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(raw).matches() || !data.countries().isKnown(code)) {
            throw refused("country", raw, "is not an ISO 3166-1 alpha-2 country code, such as JP or VN");
        }
        return code;
    }

    /** {@code vn-54} → {@code VN-54}: a region newsradar tags, as it is today or as it was before a merger. */
    public String region(String raw) {
        String code = raw.toUpperCase(Locale.ROOT);
        if (!REGION.matcher(raw).matches() || data.regions().region(code).isEmpty()) {
            throw refused("region", raw, "is not an ISO 3166-2 code of a region newsradar tags, such as VN-54 or JP-10");
        }
        return code;
    }

    /** {@code Labour} → {@code labour}: a topic of the taxonomy. */
    public String topic(String raw) {
        String name = raw.toLowerCase(Locale.ROOT);
        if (!TOPIC.matcher(raw).matches() || data.topics().topic(name).isEmpty()) {
            throw refused("topic", raw, "is not a topic newsradar tags (" + String.join(", ",
                    data.topics().all().stream().map(Topic::name).toList()) + ")");
        }
        return name;
    }

    /** The region, the one holding it today and the ones merged into it: {@code VN-54} → VN-54, VN-56. */
    public Set<String> relatedRegions(String code) {
        return data.regions().related(code);
    }

    private static InvalidQueryException refused(String parameter, String raw, String problem) {
        String shown = raw.length() > SHOWN ? raw.substring(0, SHOWN) + "…" : raw;
        return new InvalidQueryException(parameter, shown, parameter + " '" + shown + "' " + problem
                + "; every valid value: " + LIST);
    }
}
