package io.newsradar.alert.delivery;

import io.newsradar.support.net.AddressPolicy;
import io.newsradar.support.net.HostLiterals;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a webhook URL before each delivery by the rules every outbound connection of newsradar follows
 * ({@link AddressPolicy}): http or https, a host, and every address the host is written as or resolves to allowed.
 * Loopback and private networks are refused unless {@code newsradar.alert.delivery.allow-private-networks} is set;
 * link-local, metadata and the other special addresses are refused always. Hosts written as numbers
 * ({@code 2130706433}, {@code 0x7f.1}) are judged as the address they spell, and refused even where allowed.
 */
final class WebhookTargets {

    static final String ALLOW_SETTING = "newsradar.alert.delivery.allow-private-networks";

    /** The lookup of a name; the system resolver in production. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final AddressPolicy policy;
    private final Lookup lookup;

    WebhookTargets(boolean allowPrivateNetworks, Lookup lookup) {
        this.policy = new AddressPolicy(allowPrivateNetworks, ALLOW_SETTING);
        this.lookup = lookup;
    }

    /**
     * The URL, checked.
     *
     * @throws RefusedTargetException saying why the URL may not be posted to
     * @throws UnknownHostException   when the name does not resolve now (worth trying again)
     */
    URI check(String url) throws RefusedTargetException, UnknownHostException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedTargetException("webhook " + url + " is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTargetException("webhook " + url + " is not an http or https URL");
        }
        String host = HostLiterals.hostOf(uri);
        if (host == null) {
            throw new RefusedTargetException("webhook " + url + " has no valid host name");
        }
        InetAddress literal;
        try {
            literal = HostLiterals.parse(host);
        } catch (IllegalArgumentException e) {
            throw new RefusedTargetException("webhook " + url + ": host " + e.getMessage());
        }
        if (literal != null) {
            boolean asWritten = host.contains(":") || host.equalsIgnoreCase(literal.getHostAddress());
            String refusal = policy.refusal(literal);
            if (refusal != null) {
                throw new RefusedTargetException("webhook " + url + " refused: " + (asWritten ? "" : "host " + host
                        + " is " + literal.getHostAddress() + " written as a number; ") + refusal);
            }
            if (!asWritten) {
                throw new RefusedTargetException("webhook " + url + ": host " + host + " is " + literal.getHostAddress()
                        + " written as a number; an IPv4 host is posted to only in dotted decimal");
            }
            return uri;
        }
        for (InetAddress address : lookup.addresses(host)) {
            String refusal = policy.refusal(address);
            if (refusal != null) {
                throw new RefusedTargetException("webhook " + url + " refused: " + host + " resolves to an address newsradar may not post to: " + refusal);
            }
        }
        return uri;
    }


    /** A webhook URL newsradar may not post to; trying again cannot help. */
    static final class RefusedTargetException extends Exception {

        RefusedTargetException(String message) {
            super(message);
        }
    }
}
