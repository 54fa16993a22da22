package io.newsradar.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The chain of URLs one fetch went through: at most so many redirects, none of them back to a URL already seen. */
final class Redirects {

    private final int max;
    private final List<URI> chain = new ArrayList<>();

    Redirects(URI first, int max) {
        this.max = max;
        chain.add(first);
    }

    URI first() {
        return chain.get(0);
    }

    URI current() {
        return chain.get(chain.size() - 1);
    }

    boolean redirected() {
        return chain.size() > 1;
    }

    /**
     * Moves on to where the current URL redirects.
     *
     * @throws FetchException REFUSED on a loop or past the redirect limit, PERMANENT on a Location that is no URL
     */
    URI follow(int status, String location) throws FetchException {
        URI next;
        try {
            next = resolve(current(), location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchException.permanent(current() + " answered HTTP " + status + " with a Location that is not a URL: " + location);
        }
        if (chain.contains(next)) {
            throw FetchException.refused(first() + " redirects in a loop: " + path(next));
        }
        if (chain.size() > max) {
            throw FetchException.refused(first() + " redirected more than " + max + " times: " + path(next));
        }
        chain.add(next);
        return next;
    }

    /** "a → b → c". */
    String path(URI next) {
        return Stream.concat(chain.stream(), Stream.of(next)).map(URI::toString).collect(Collectors.joining(" → "));
    }

    /** A Location resolved against the URL that sent it, normalised, without fragment. */
    static URI resolve(URI current, String location) throws URISyntaxException {
        URI reference = new URI(location.trim());
        URI base = current;
        if (current.getRawPath() == null || current.getRawPath().isEmpty()) {
            // URI.resolve("b") against "http://host" would give "http://hostb"
            base = new URI(current.getScheme() + "://" + current.getRawAuthority() + "/");
        }
        URI resolved = reference.getScheme() == null && reference.getRawAuthority() == null
                && reference.getRawPath().isEmpty() && reference.getRawQuery() != null
                // URI.resolve follows RFC 2396, which drops the last path segment for a query-only reference
                ? new URI(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath() + "?" + reference.getRawQuery())
                : base.resolve(reference).normalize();
        if (resolved.getRawFragment() == null) {
            return resolved;
        }
        String text = resolved.toString();
        return new URI(text.substring(0, text.indexOf('#')));
    }
}
