package io.newsradar.gateway.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a dashboard needs about the articles matching a query: how many, counts per value of each tag, and counts
 * per interval of publication time.
 *
 * @param total     how many articles match
 * @param counts    per facet ({@code topics}, {@code pair}, {@code countries}, {@code regions}, {@code language}), the
 *                  values by count, most first
 * @param published per interval of {@code publishedAt}, in time order, empty intervals included
 */
public record Facets(long total, Map<String, List<Count>> counts, List<Bucket> published) {

    public record Count(String value, long count) {
    }

    public record Bucket(Instant start, long count) {
    }
}
