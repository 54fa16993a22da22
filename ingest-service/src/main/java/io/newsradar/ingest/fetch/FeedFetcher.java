package io.newsradar.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Fetches a document with a conditional GET, a User-Agent naming newsradar, a timeout and a size limit.
 * Every failure is a {@link FetchException} whose message says what happened and where.
 */
public class FeedFetcher {

    private final HttpClient http;
    private final String userAgent;
    private final Duration timeout;
    private final long maxBytes;

    public FeedFetcher(String userAgent, Duration timeout, long maxBytes) {
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * @param etag         the ETag of the copy we have, or {@code null}
     * @param lastModified the Last-Modified of the copy we have, or {@code null}
     */
    public FetchResult fetch(URI url, String etag, String lastModified) throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException(url + " did not answer within " + timeout.toSeconds() + " s", true, e);
        } catch (IOException e) {
            throw new FetchException(url + " could not be reached: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + url, true, e);
        }
        int status = response.statusCode();
        if (status == 304) {
            close(response.body());
            return new FetchResult.NotModified();
        }
        if (status != 200) {
            close(response.body());
            boolean temporary = status == 429 || status >= 500;
            throw new FetchException(url + " answered HTTP " + status, temporary, null);
        }
        byte[] body = readLimited(url, response.body());
        return new FetchResult.Fetched(body,
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null),
                response.headers().firstValue("Content-Type").orElse(null));
    }

    private byte[] readLimited(URI url, InputStream in) throws FetchException {
        try (in) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new FetchException(url + " is larger than the limit of " + maxBytes + " bytes", false, null);
            }
            return body;
        } catch (IOException e) {
            throw new FetchException(url + ": the connection failed while reading: " + e.getMessage(), true, e);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the response is being discarded anyway
        }
    }
}
