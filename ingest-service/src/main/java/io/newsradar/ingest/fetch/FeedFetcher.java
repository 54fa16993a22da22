package io.newsradar.ingest.fetch;

import io.newsradar.ingest.system.Deadline;
import io.newsradar.support.net.AddressPolicy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches feeds and article pages over http and https, safely: only public addresses (checked once, at the one
 * lookup the connection uses), redirects followed by hand and each hop checked again, the body capped on the wire
 * and once decoded, and every fetch bounded in total time. It is polite too: a User-Agent naming newsradar,
 * conditional GETs, and a cap on concurrent requests per host.
 *
 * <p>Every failure is a {@link FetchException} whose message says what happened and where. The total-time bound is
 * a {@linkplain FetchException.Kind#TEMPORARY temporary} failure (a slow server may be fast next time); the address,
 * redirect and size rules are {@linkplain FetchException.Kind#REFUSED refusals}.
 */
public class FeedFetcher implements AutoCloseable {

    static final String FEED_ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1";
    static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";
    static final String ACCEPT_ENCODING = "gzip, deflate";

    private final FetchSettings settings;
    private final TargetCheck targets;
    private final BodyReader bodies;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService alarms;

    public FeedFetcher(FetchSettings settings) {
        this.settings = settings;
        AddressPolicy policy = new AddressPolicy(settings.allowPrivateNetworks(), FetchSettings.ALLOW_PRIVATE_NETWORKS);
        this.targets = new TargetCheck(policy);
        this.bodies = new BodyReader(settings.maxBodyBytes(), settings.maxDecodedBytes(), settings.readTimeout(),
                new BytesInFlight(settings.maxBytesInFlight()));
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckingDnsResolver(policy))
                        .setMaxConnPerRoute(settings.maxConnectionsPerHost())
                        .setMaxConnTotal(settings.maxConnectionsTotal())
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(Http1Config.custom()
                                        .setMaxHeaderCount(settings.maxHeaderCount())
                                        .setMaxLineLength(settings.maxHeaderLineLength())
                                        .build())
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout(settings.connectTimeout()))
                                .setSocketTimeout(timeout(settings.readTimeout()))
                                .build())
                        .build())
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        this.alarms = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "feed-fetcher-deadline");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Fetches a feed document with a conditional GET.
     *
     * @param etag         the ETag of the copy we have, or {@code null}
     * @param lastModified the Last-Modified of the copy we have, or {@code null}
     */
    public FetchResult fetch(URI url, String etag, String lastModified) throws FetchException {
        return get(url, FEED_ACCEPT, etag, lastModified);
    }

    /** Fetches an article page: a plain GET asking for HTML. */
    public FetchResult.Fetched fetchPage(URI url) throws FetchException {
        FetchResult result = get(url, PAGE_ACCEPT, null, null);
        if (result instanceof FetchResult.Fetched fetched) {
            return fetched;
        }
        throw FetchException.permanent(url + " answered HTTP 304 Not Modified to a request that was not conditional");
    }

    @Override
    public void close() {
        alarms.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }

    private FetchResult get(URI url, String accept, String etag, String lastModified) throws FetchException {
        Deadline deadline = Deadline.after(settings.totalTimeout());
        Redirects redirects = new Redirects(url, settings.maxRedirects());
        Exchange exchange = new Exchange(accept, etag, lastModified, deadline);
        URI current = url;
        while (true) {
            targets.check(redirects, current);
            Hop hop = exchange.send(current, redirects);
            if (hop.result() != null) {
                return hop.result();
            }
            current = redirects.follow(hop.status(), hop.location());
        }
    }

    private static Timeout timeout(Duration duration) {
        return Timeout.ofMilliseconds(Math.max(1, duration.toMillis()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What one request led to: a result, or a redirect to follow. */
    private record Hop(FetchResult result, int status, String location) {
    }

    /** One request of a fetch, with the headers every hop sends and the deadline they share. */
    private final class Exchange {

        private final String accept;
        private final String etag;
        private final String lastModified;
        private final Deadline deadline;

        Exchange(String accept, String etag, String lastModified, Deadline deadline) {
            this.accept = accept;
            this.etag = etag;
            this.lastModified = lastModified;
            this.deadline = deadline;
        }

        Hop send(URI url, Redirects redirects) throws FetchException {
            if (deadline.passed()) {
                throw FetchException.timedOut(url, deadline, "before it could be requested (" + redirects.path(url) + ")");
            }
            HttpGet request = request(url);
            ScheduledFuture<?> alarm = alarms.schedule(() -> {
                deadline.expire();
                request.cancel();
            }, deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
            ClassicHttpResponse response = null;
            boolean bodyRead = false;
            try {
                response = http.executeOpen(null, request, null);
                Responses.Answer answer = Responses.answer(url, redirects, response, Instant.now());
                if (answer.redirectTo() != null || answer.notModified()) {
                    return answer.redirectTo() != null ? new Hop(null, answer.status(), answer.redirectTo())
                            : new Hop(new FetchResult.NotModified(answer.cache()), answer.status(), null);
                }
                HttpEntity entity = response.getEntity();
                byte[] body = entity == null ? new byte[0] : bodies.read(url, entity.getContent(),
                        ResponseHeaders.value(response, "Content-Encoding"), entity.getContentLength(), deadline);
                bodyRead = true;
                return new Hop(new FetchResult.Fetched(url, body, ResponseHeaders.value(response, "Content-Type"),
                        ResponseHeaders.value(response, "ETag"), ResponseHeaders.value(response, "Last-Modified"),
                        answer.cache()), answer.status(), null);
            } catch (IOException e) {
                throw Responses.failure(url, e, deadline, response == null, settings);
            } finally {
                alarm.cancel(false);
                if (!bodyRead) {
                    request.cancel(); // drop the connection rather than read the rest of a body nobody wants
                }
                Responses.closeQuietly(response);
            }
        }

        private HttpGet request(URI url) {
            HttpGet request = new HttpGet(url);
            request.setConfig(RequestConfig.custom()
                    .setConnectionRequestTimeout(timeout(min(settings.connectTimeout(), deadline.remaining())))
                    .build());
            request.setHeader("User-Agent", settings.userAgent());
            request.setHeader("Accept", accept);
            request.setHeader("Accept-Encoding", ACCEPT_ENCODING);
            if (etag != null) {
                request.setHeader("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.setHeader("If-Modified-Since", lastModified);
            }
            return request;
        }
    }
}
