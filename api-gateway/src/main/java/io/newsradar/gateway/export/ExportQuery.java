package io.newsradar.gateway.export;

import io.newsradar.contracts.ArticleId;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.InvalidQueryException;
import io.newsradar.gateway.search.KnownCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * An export's parameters, checked: the filters of {@code /api/v1/articles} (parsed by {@link ArticleQuery}), a
 * required {@code to}, a span from {@code from} (by default {@code to} minus the longest span) no longer than the
 * longest span, the {@code format} and where to resume ({@code after}).
 *
 * @param filters the filters, with {@code from} and {@code to} both set
 * @param after   the id of the last article a previous export of the same filters sent, or {@code null} to start
 * @param format  {@code ndjson}, {@code csv} or {@code null} to follow the {@code Accept} header
 */
record ExportQuery(ArticleQuery filters, String after, String format) {

    static final String AFTER = "after";
    static final String FORMAT = "format";
    private static final Set<String> EXTRA = Set.of(AFTER, FORMAT);

    /** @throws InvalidQueryException naming the first parameter that is wrong */
    static ExportQuery of(MultiValueMap<String, String> parameters, KnownCodes codes, Duration maxSpan) {
        for (String single : List.of(AFTER, FORMAT)) {
            if (parameters.getOrDefault(single, List.of()).size() > 1) {
                throw new InvalidQueryException(single, single + " may be given once");
            }
        }
        ArticleQuery query = ArticleQuery.filters(parameters, codes, EXTRA);
        if (query.to() == null) {
            throw new InvalidQueryException("to", "an export needs to: where it ends (a date such as 2026-12-01 or a time),"
                    + " so that running it again gives the same articles; it covers at most " + days(maxSpan) + " before it");
        }
        Instant from = query.from();
        if (from == null) {
            from = query.to().minus(maxSpan);
            from = from.isBefore(ArticleQuery.EARLIEST) ? ArticleQuery.EARLIEST : from;
        } else if (Duration.between(from, query.to()).compareTo(maxSpan) > 0) {
            throw new InvalidQueryException("from", "an export covers at most " + days(maxSpan)
                    + " (newsradar.gateway.export.max-span); from " + from + " to " + query.to() + " is longer: split it");
        }
        String after = parameters.getFirst(AFTER);
        if (after != null && !ArticleId.isValid(after)) {
            throw new InvalidQueryException(AFTER, "after must be the id of the last article received (22 characters of"
                    + " URL-safe base64), was '" + after + "'");
        }
        ArticleQuery bounded = new ArticleQuery(query.pairs(), query.countries(), query.regions(), query.topics(),
                query.languages(), query.sources(), query.feeds(), from, query.to(), query.text(), ArticleQuery.Sort.NEWEST,
                1, null, query.minConfidence(), query.stories(), false);
        return new ExportQuery(bounded, after, parameters.getFirst(FORMAT));
    }

    private static String days(Duration span) {
        return span.toHours() % 24 == 0 ? span.toDays() + " days" : span.toString();
    }
}
