package io.newsradar.ingest.extract;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the site's name off a page title: "Story - VnExpress", "Story | Le Monde", "Story – example.com". */
final class Headlines {

    private static final Pattern LAST_SEPARATOR = Pattern.compile("^(.+)\\s+[-|–—·:]{1,2}\\s+([^-|–—·]+)$");
    private static final Pattern DOMAIN = Pattern.compile("(?i)^[\\w.-]+\\.(vn|fr|com|net|org|info|uk|jp|la|kr|news)$");

    private Headlines() {
    }

    /**
     * @param headingKeys {@link Text#key folded} texts of the page's headings: a title part equal to one is the story
     * @param siteNames   the site's name, application name and host, any of them {@code null}
     */
    static String withoutSiteName(String title, Set<String> headingKeys, String... siteNames) {
        if (title == null) {
            return null;
        }
        String headline = title;
        for (int i = 0; i < 3; i++) {
            Matcher m = LAST_SEPARATOR.matcher(headline);
            if (!m.matches() || !isSiteName(m.group(2), m.group(1), headingKeys, siteNames)) {
                break;
            }
            headline = m.group(1).trim();
        }
        return headline;
    }

    private static boolean isSiteName(String suffix, String rest, Set<String> headingKeys, String... siteNames) {
        String compact = compact(suffix);
        if (compact.isEmpty() || DOMAIN.matcher(suffix.trim()).matches()) {
            return true;
        }
        if (headingKeys.contains(TextCleaner.key(rest)) && !headingKeys.contains(TextCleaner.key(rest + " " + suffix))) {
            return true;
        }
        for (String site : siteNames) {
            String name = compact(site);
            if (!name.isEmpty() && (name.equals(compact) || name.startsWith(compact) && compact.length() >= 4)) {
                return true;
            }
        }
        return false;
    }

    private static String compact(String s) {
        return s == null ? "" : TextCleaner.key(s).replace(" ", "");
    }
}
