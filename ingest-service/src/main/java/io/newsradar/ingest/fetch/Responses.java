package io.newsradar.ingest.fetch;

import io.newsradar.ingest.fetch.CheckingDnsResolver.AddressRefusedException;
import io.newsradar.ingest.system.Deadline;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/** What a status means for a fetch, and what a failed exchange is called: each message says what and where. */
final class Responses {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private Responses() {
    }

    /**
     * What the server answered, when it is something the fetch goes on with.
     *
     * @param redirectTo the Location to follow, or {@code null}
     */
    record Answer(int status, CacheHints cache, String redirectTo, boolean notModified) {
    }

    /** @throws FetchException for every status that is neither 2xx, 304 nor a redirect */
    static Answer answer(URI url, Redirects redirects, ClassicHttpResponse response, Instant now) throws FetchException {
        int status = response.getCode();
        CacheHints cache = ResponseHeaders.cacheHints(response);
        if (status >= 200 && status < 300) {
            return new Answer(status, cache, null, false);
        }
        if (status == 304) {
            return new Answer(status, cache, null, true);
        }
        String where = redirects.redirected() ? url + " (redirected from " + redirects.first() + ")" : url.toString();
        if (REDIRECTS.contains(status)) {
            String location = ResponseHeaders.value(response, "Location");
            if (location == null || location.isBlank()) {
                throw new FetchException(where + " answered HTTP " + status + reason(status) + " without a Location header",
                        FetchException.Kind.PERMANENT, status, null, null);
            }
            return new Answer(status, cache, location, false);
        }
        Duration retryAfter = status == 429 || status == 503 ? ResponseHeaders.retryAfter(response, now) : null;
        FetchException.Kind kind = status == 408 || status == 429 || status >= 500
                ? FetchException.Kind.TEMPORARY : FetchException.Kind.PERMANENT;
        String message = where + " answered HTTP " + status + reason(status)
                + (retryAfter == null ? "" : "; it asks to retry after " + retryAfter.toSeconds() + " s");
        throw new FetchException(message, kind, status, retryAfter, null);
    }

    /** The failure an exchange that threw ends in. */
    static FetchException failure(URI url, IOException e, Deadline deadline, boolean beforeAnswer, FetchSettings settings) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressRefusedException refused) {
                return FetchException.refused(url + " refused: " + refused.getMessage());
            }
        }
        MessageConstraintException constraint = constraint(e);
        if (constraint != null) {
            return FetchException.refused(url + " sent an answer past newsradar's header limits (at most "
                    + settings.maxHeaderCount() + " header fields of at most " + settings.maxHeaderLineLength()
                    + " bytes a line; fetch.max-header-count, fetch.max-header-line-length): " + constraint.getMessage());
        }
        if (e instanceof ConnectionRequestTimeoutException) {
            return FetchException.temporary(url + " found no free connection within " + Deadline.seconds(settings.connectTimeout())
                    + " (at most " + settings.maxConnectionsPerHost() + " per host and " + settings.maxConnectionsTotal()
                    + " in all are open at once)", e);
        }
        String stage = beforeAnswer ? "while connecting or waiting for the answer" : "while reading the answer";
        if (deadline.passed()) {
            return FetchException.timedOut(url, deadline, stage);
        }
        if (e instanceof ConnectTimeoutException) {
            return FetchException.temporary(url + " did not accept a connection within " + Deadline.seconds(settings.connectTimeout())
                    + " (connect timeout)", e);
        }
        if (e instanceof SocketTimeoutException) {
            return FetchException.temporary(url + " sent nothing for " + Deadline.seconds(settings.readTimeout())
                    + " " + stage + " (read timeout)", e);
        }
        if (e instanceof UnknownHostException) {
            return FetchException.temporary(url + ": host " + url.getHost() + " could not be resolved", e);
        }
        if (e instanceof ConnectException) {
            return FetchException.temporary(url + " could not be reached: " + e.getMessage(), e);
        }
        return FetchException.temporary(url + " failed " + stage + ": " + e, e);
    }

    private static MessageConstraintException constraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MessageConstraintException constraint) {
                return constraint;
            }
        }
        return null;
    }

    static void closeQuietly(ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException e) {
            // the response is being discarded anyway
        }
    }

    /** " Gone" for 410: the standard phrase, not whatever the server wrote. */
    private static String reason(int status) {
        String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        return reason == null ? "" : " " + reason;
    }
}
