package io.newsradar.ingest.fetch;

import java.time.Duration;

/**
 * How {@link FeedFetcher} fetches: who it says it is, how long it waits, how much it reads, where it may connect.
 *
 * @param userAgent             the User-Agent of every request: it names newsradar and where to reach its operator
 * @param connectTimeout        how long opening one connection may take, and how long a request waits for a free
 *                              connection when its host (or the fetcher) has the most open
 * @param readTimeout           how long the server may stay silent, waiting for the answer or between two reads
 * @param totalTimeout          how long one fetch may take in all, redirects and the whole body included
 * @param maxBodyBytes          the most bytes read from the wire for one response
 * @param maxDecodedBytes       the most bytes a body may have once gzip or deflate is undone
 * @param maxRedirects          how many redirects one fetch follows
 * @param allowPrivateNetworks  whether loopback and private networks may be fetched (local use and tests);
 *                              link-local, cloud metadata and the other special addresses stay refused
 *                              (see {@link io.newsradar.support.net.AddressPolicy})
 * @param maxConnectionsPerHost how many requests may be open to one host (scheme, name and port) at once
 * @param maxConnectionsTotal   how many requests may be open at once in all
 * @param maxHeaderCount        the most header fields an answer may have
 * @param maxHeaderLineLength   the longest status or header line an answer may have, in bytes
 * @param maxBytesInFlight      the most decoded body bytes all fetches together may hold while they read; a fetch that
 *                              would pass it fails as a temporary error and is tried again at its next poll
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
        long maxBodyBytes, long maxDecodedBytes, int maxRedirects, boolean allowPrivateNetworks,
        int maxConnectionsPerHost, int maxConnectionsTotal, int maxHeaderCount, int maxHeaderLineLength,
        long maxBytesInFlight) {

    /** The setting that allows loopback and private networks ({@link #allowPrivateNetworks}). */
    public static final String ALLOW_PRIVATE_NETWORKS = "newsradar.ingest.fetch.allow-private-networks";

    /** The default of {@link #maxHeaderCount}: far more than any feed server sends. */
    public static final int DEFAULT_MAX_HEADER_COUNT = 100;
    /** The default of {@link #maxHeaderLineLength}: 8 KB, as most servers and proxies allow. */
    public static final int DEFAULT_MAX_HEADER_LINE_LENGTH = 8 * 1024;
    /** The default of {@link #maxBytesInFlight}: 64 MB. */
    public static final long DEFAULT_MAX_BYTES_IN_FLIGHT = 64L * 1024 * 1024;

    /** Arrays hold at most this many bytes, which bounds {@code maxDecodedBytes}. */
    static final long MAX_BUFFER = Integer.MAX_VALUE - 16;

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("the User-Agent must not be blank");
        }
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        requirePositive(totalTimeout, "total timeout");
        if (maxBodyBytes <= 0 || maxDecodedBytes <= 0 || maxDecodedBytes > MAX_BUFFER) {
            throw new IllegalArgumentException("the body limits must be positive (and the decoded one at most "
                    + MAX_BUFFER + " bytes), were " + maxBodyBytes + " and " + maxDecodedBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("the redirect limit must not be negative, was " + maxRedirects);
        }
        if (maxConnectionsPerHost <= 0 || maxConnectionsTotal < maxConnectionsPerHost) {
            throw new IllegalArgumentException("the connection limits must be positive and the total at least the per-host one, were "
                    + maxConnectionsPerHost + " per host and " + maxConnectionsTotal + " in all");
        }
        if (maxHeaderCount <= 0 || maxHeaderLineLength <= 0) {
            throw new IllegalArgumentException("the header limits must be positive, were " + maxHeaderCount
                    + " fields and " + maxHeaderLineLength + " bytes a line");
        }
        if (maxBytesInFlight < maxDecodedBytes) {
            throw new IllegalArgumentException("the bytes in flight (" + maxBytesInFlight
                    + ") must be at least the decoded limit of one body (" + maxDecodedBytes + ")");
        }
    }

    /** Settings with the default header limits and a budget in flight of the larger of 64 MB and one decoded body. */
    public FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
            long maxBodyBytes, long maxDecodedBytes, int maxRedirects, boolean allowPrivateNetworks,
            int maxConnectionsPerHost, int maxConnectionsTotal) {
        this(userAgent, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxDecodedBytes, maxRedirects,
                allowPrivateNetworks, maxConnectionsPerHost, maxConnectionsTotal, DEFAULT_MAX_HEADER_COUNT,
                DEFAULT_MAX_HEADER_LINE_LENGTH, Math.max(DEFAULT_MAX_BYTES_IN_FLIGHT, maxDecodedBytes));
    }

    /**
     * 5 s to connect, 20 s of silence, 30 s in all, 10 MB on the wire and once decoded, 5 redirects, public networks
     * only, 2 connections per host and 20 in all, 100 header fields of at most 8 KB a line, 64 MB in flight.
     */
    public static FetchSettings defaults(String userAgent) {
        return new FetchSettings(userAgent, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30),
                10L * 1024 * 1024, 10L * 1024 * 1024, 5, false, 2, 20);
    }

    /** These settings with loopback and private networks allowed, for local use and tests. */
    public FetchSettings allowingPrivateNetworks() {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, maxDecodedBytes,
                maxRedirects, true, maxConnectionsPerHost, maxConnectionsTotal, maxHeaderCount, maxHeaderLineLength,
                maxBytesInFlight);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the " + name + " must be positive, was " + value);
        }
    }
}
