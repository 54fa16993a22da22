package io.newsradar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A country acting in the story.
 *
 * @param code     ISO 3166-1 alpha-2, upper case
 * @param score    salience in [0, 1]
 * @param evidence the phrases that name it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CountryTag(String code, double score, List<Evidence> evidence) {

    public CountryTag {
        Checks.requireCountryCode(code, "CountryTag.code");
        Checks.requireScore(score, "CountryTag " + code + ": score");
        evidence = Checks.listOrEmpty(evidence);
    }
}
