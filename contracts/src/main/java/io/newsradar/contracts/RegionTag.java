package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A first-level subdivision acting in the story.
 *
 * @param code        ISO 3166-2 code as the story's time knew it: {@code VN-54} for Bắc Giang
 * @param country     the country it belongs to, ISO alpha-2
 * @param name        its name, for display
 * @param currentCode the code of the subdivision that holds it today ({@code VN-56} after the 2025 merger), or the same code
 * @param score       salience in [0, 1]
 * @param evidence    the phrases that name it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegionTag(String code, String country, String name, String currentCode, double score, List<Evidence> evidence) {

    public RegionTag {
        Checks.requireCountryCode(country, "RegionTag.country");
        if (code == null || !code.startsWith(country + "-")) {
            throw new IllegalArgumentException("RegionTag.code must be an ISO 3166-2 code of " + country + ", was " + code);
        }
        currentCode = currentCode == null ? code : currentCode;
        Checks.requireScore(score, "RegionTag " + code + ": score");
        evidence = Checks.listOrEmpty(evidence);
    }
}
