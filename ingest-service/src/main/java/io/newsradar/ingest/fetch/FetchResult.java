package io.newsradar.ingest.fetch;

/** What a conditional GET found. */
public sealed interface FetchResult {

    /** The server says our copy is current (HTTP 304): nothing to do downstream. */
    record NotModified() implements FetchResult {
    }

    /** A new copy, with the validators to send next time. */
    record Fetched(byte[] body, String etag, String lastModified, String contentType) implements FetchResult {
    }
}
