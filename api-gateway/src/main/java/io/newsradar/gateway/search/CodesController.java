package io.newsradar.gateway.search;

import io.newsradar.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/codes}: every value the {@code pair}, {@code country}, {@code region} and {@code topic} filters
 * accept, from the data the classifier tags with. A refused filter value points here.
 */
@RestController
@Tag(name = "articles")
public class CodesController {

    /** What the filters accept. */
    public record Codes(List<Country> countries, List<Region> regions, List<Topic> topics) {
    }

    /** An ISO 3166-1 country; a pair is two of these in either order ({@code JP-VN}). */
    public record Country(String code, String name) {
    }

    /**
     * An ISO 3166-2 region; {@code current} is the region that holds it today, itself unless it was merged (Vietnam's
     * provinces in 2025). A filter on either matches both.
     */
    public record Region(String code, String country, String name, String current) {
    }

    /** A topic of the taxonomy. */
    public record Topic(String name, String description) {
    }

    private final Codes codes;
    private final KnownCodes known;

    public CodesController(KnownCodes known) {
        this.known = known;
        this.codes = of(known.data());
    }

    @GetMapping("/api/v1/codes")
    @Operation(summary = "Every country, region and topic the article filters accept",
            description = "The countries (ISO 3166-1 alpha-2), the regions (ISO 3166-2, with the region that holds each today)"
                    + " and the topics the classifier tags with, including a newsroom's own data. With country=VN only"
                    + " that country's regions are listed (the whole list is some 3,000 regions).")
    public Codes codes(@RequestParam(name = "country", required = false) String country) {
        if (country == null) {
            return codes;
        }
        String code = known.country(country);
        return new Codes(codes.countries(), codes.regions().stream().filter(r -> r.country().equals(code)).toList(),
                codes.topics());
    }

    static Codes of(ReferenceData data) {
        List<Country> countries = data.countries().codes().stream()
                .map(code -> new Country(code, data.countries().name(code).orElse(code))).toList();
        List<Region> regions = data.regions().all().values().stream()
                .map(r -> new Region(r.code(), r.country(), r.name(), r.current()))
                .sorted(Comparator.comparing(Region::code)).toList();
        List<Topic> topics = data.topics().all().stream().map(t -> new Topic(t.name(), t.description())).toList();
        return new Codes(countries, regions, topics);
    }
}
