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
 * @param interval  the interval {@code published} is counted in: the one asked for, or a wider one when that would
 *                  have made more buckets than {@code newsradar.gateway.max-histogram-buckets}
 * @param publishedCut whether the earliest matching articles are left out of {@code published}, because even yearly
 *                  buckets from the earliest to the latest would have been too many
 */
public record Facets(long total, Map<String, List<Count>> counts, List<Bucket> published, String interval,
        boolean publishedCut) {

    public record Count(String value, long count) {
    }

    public record Bucket(Instant start, long count) {
    }
}
