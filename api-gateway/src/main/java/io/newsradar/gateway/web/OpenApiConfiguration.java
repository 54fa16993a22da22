package io.newsradar.gateway.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.time.Duration;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}, neither needing a key): the
 * API-key schemes {@code ApiKeyFilter} accepts, and the article filters on every route marked {@link ArticleFilters}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "newsradar API", version = "v1", description = "Articles classified by country pair, region and topic;"
                + " their facets; Atom/RSS feeds of them; and the feed registry. Every /api and /feeds route needs an API key;"
                + " every write needs an admin key. Errors are RFC 9457 problem documents."),
        security = {@SecurityRequirement(name = OpenApiConfiguration.API_KEY), @SecurityRequirement(name = OpenApiConfiguration.BEARER),
                @SecurityRequirement(name = OpenApiConfiguration.API_KEY_PARAMETER)})
@SecuritySchemes({
        @SecurityScheme(name = OpenApiConfiguration.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                paramName = "X-Api-Key", description = "the API key in the X-Api-Key header"),
        @SecurityScheme(name = OpenApiConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "the API key as Authorization: Bearer <key>"),
        @SecurityScheme(name = OpenApiConfiguration.API_KEY_PARAMETER, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.QUERY,
                paramName = "api_key", description = "the API key as api_key=, for feed readers and browsers that cannot send headers")})
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";
    static final String API_KEY_PARAMETER = "apiKeyParameter";

    static {
        // FeedSpec.pollInterval is an ISO-8601 duration on the wire ("PT10M"), not an object of seconds and nanos.
        SpringDocUtils.getConfig().replaceWithSchema(Duration.class,
                new StringSchema().format("duration").example("PT10M").description("ISO-8601 duration"));
    }

    /** The filters {@code ArticleQuery} reads, described once. */
    private static final List<Parameter> FILTERS = List.of(
            filter("pair", "the country pair, in either order; the valid countries are at /api/v1/codes", "JP-VN"),
            filter("country", "a country acting in the story (ISO 3166-1 alpha-2; /api/v1/codes lists them)", "LA,KH"),
            filter("region", "a first-level region (ISO 3166-2, one of /api/v1/codes); also matches the regions merged into it and the one holding it today", "VN-54"),
            filter("topic", "investment, aid, culture, labour, or any topic the classifier is given (/api/v1/codes)", "labour"),
            filter("lang", "the article's language", "vi"),
            filter("source", "the publisher's name", "NHK World"),
            filter("feed", "the feed id", "vnexpress-world"),
            filter("story", "a story id (the id of the article that opened the story: 22 characters of URL-safe base64)",
                    "q3B8o5y0dq2yqD7kYF8bUw"),
            single("from", "published at or after: a date (UTC midnight) or a time with its offset", "2026-11-01"),
            single("to", "published before: a date (UTC midnight) or a time with its offset", "2026-11-20T12:00:00+07:00"),
            single("q", "words in the title, lead or body; diacritics optional; never read as query syntax", "bac giang"),
            new Parameter().in("query").name("minConfidence").example("0.5")
                    .description("the least score, from 0 to 1, of a tag that pair, country, region and topic match and the facets count;"
                            + " default 0, every tag")
                    .schema(new io.swagger.v3.oas.models.media.NumberSchema().minimum(java.math.BigDecimal.ZERO).maximum(java.math.BigDecimal.ONE)));

    @Bean
    OperationCustomizer articleFilters() {
        return (operation, handler) -> {
            ArticleFilters filters = handler.getMethodAnnotation(ArticleFilters.class);
            if (filters != null) {
                FILTERS.stream().filter(p -> filters.story() || !p.getName().equals("story")).forEach(operation::addParametersItem);
            }
            return operation;
        };
    }

    private static Parameter filter(String name, String description, String example) {
        return new Parameter().in("query").name(name).example(example).explode(true)
                .description(description + ". Given several times, or with commas, it matches any of its values.")
                .schema(new ArraySchema().items(new StringSchema()));
    }

    private static Parameter single(String name, String description, String example) {
        return new Parameter().in("query").name(name).description(description).example(example).schema(new StringSchema());
    }
}
