package io.newsradar.ingest.schedule;

import java.net.URI;
import java.util.Locale;
import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;

/**
 * Whether two URLs are on the same site: the same registrable domain (the public suffix plus one label, from the
 * Public Suffix List that ships with Apache HttpClient), so {@code rss.example.vn} and {@code www.example.vn} are one
 * site and {@code a.github.io} and {@code b.github.io} are two. Hosts that are IP literals, or have no registrable
 * domain, must be equal.
 */
final class Sites {

    private static final PublicSuffixMatcher SUFFIXES = PublicSuffixMatcherLoader.getDefault();

    private Sites() {
    }

    /** Whether the article's URL is on the feed's site; an article with no URL (a GUID only) is its feed's own. */
    static boolean sameSite(String feedUrl, String articleUrl) {
        if (articleUrl == null) {
            return true;
        }
        String feedSite = site(feedUrl);
        return feedSite != null && feedSite.equals(site(articleUrl));
    }

    private static String site(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("[") || host.matches("[0-9.]+")) {
            return host;
        }
        String root = SUFFIXES.getDomainRoot(host);
        return root == null ? host : root;
    }
}
