package io.newsradar.ingest.fetch;

import java.net.URI;

/** What a fetch found. */
public sealed interface FetchResult {

    /** What the response said about freshness. */
    CacheHints cache();

    /** The server says our copy is current (HTTP 304): nothing to do downstream. */
    record NotModified(CacheHints cache) implements FetchResult {
    }

    /**
     * A new copy, decoded (no gzip or deflate left), with the validators to send next time.
     *
     * @param finalUrl where the body came from once redirects were followed
     */
    record Fetched(URI finalUrl, byte[] body, String contentType, String etag, String lastModified, CacheHints cache)
            implements FetchResult {
    }
}
