package io.newsradar.ingest.fetch;

import io.newsradar.support.net.AddressPolicy;
import io.newsradar.support.net.HostLiterals;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Checks a URL before anything is sent: http or https, a host, and when the host is written as an address (in any
 * spelling), an address the policy allows. Names are checked when they are resolved, by {@link CheckingDnsResolver}.
 */
final class TargetCheck {

    private final AddressPolicy policy;

    TargetCheck(AddressPolicy policy) {
        this.policy = policy;
    }

    /** The scheme and, when the host is written as an address, the address: before any connection is made. */
    void check(Redirects redirects, URI url) throws FetchException {
        String where = redirects.redirected() ? redirects.first() + " redirected to " + url : url.toString();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.permanent(where + ", which is not an http or https URL: newsradar fetches nothing else");
        }
        String host = HostLiterals.hostOf(url);
        if (host == null) {
            throw FetchException.permanent(where + ", which has no valid host name");
        }
        InetAddress literal;
        try {
            literal = HostLiterals.parse(host);
        } catch (IllegalArgumentException e) {
            throw FetchException.permanent(where + ", whose host " + e.getMessage());
        }
        if (literal == null) {
            return;
        }
        boolean asWritten = host.equalsIgnoreCase(literal.getHostAddress()) || host.contains(":");
        String spelling = asWritten ? "" : "host " + host + " is " + literal.getHostAddress() + " written as a number; ";
        String refusal = policy.refusal(literal);
        if (refusal != null) {
            throw FetchException.refused(where + " refused: " + spelling + refusal);
        }
        if (!asWritten) {
            // allowed, but such a host is never handed on: neither a resolver nor the Host header should see it
            throw FetchException.permanent(where + ": " + spelling + "newsradar fetches an IPv4 host only in dotted decimal");
        }
    }
}
