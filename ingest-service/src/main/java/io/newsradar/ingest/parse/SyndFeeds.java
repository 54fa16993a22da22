package io.newsradar.ingest.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.newsradar.ingest.system.Deadline;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Turns what ROME read into a {@link ParsedFeed}, using the wire feed where the common model loses something. */
final class SyndFeeds {

    private SyndFeeds() {
    }

    static ParsedFeed toParsedFeed(URI source, SyndFeed feed, Element root, Deadline deadline, int maxItems)
            throws Deadline.Exceeded {
        WireFeed wire = feed.originalWireFeed();
        boolean atom = wire instanceof Feed;
        URI base = atom ? Links.base(source, ((Feed) wire).getXmlBase()) : source;
        List<SyndEntry> entries = feed.getEntries();
        List<FeedItem> items = new ArrayList<>(Math.min(entries.size(), maxItems));
        for (SyndEntry entry : entries.subList(0, Math.min(entries.size(), maxItems))) {
            deadline.check();
            items.add(item(base, feed.getFeedType(), atom, entry));
        }
        String language = feed.getLanguage() != null ? feed.getLanguage()
                : root.getAttributeValue("lang", Namespace.XML_NAMESPACE);
        String title = feed.getTitleEx() == null ? null : text(feed.getTitleEx(), atom);
        return new ParsedFeed(VisibleText.orNull(title), VisibleText.orNull(language), feed.getFeedType(), ttl(wire),
                updatePeriod(feed), items, entries.size());
    }

    private static FeedItem item(URI feedBase, String feedType, boolean atom, SyndEntry entry) {
        Object wire = entry.getWireEntry();
        URI base = wire instanceof Entry atomEntry ? Links.base(feedBase, atomEntry.getXmlBase()) : feedBase;
        String content = entry.getContents().stream().map(c -> text(c, atom)).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("\n\n"));
        return new FeedItem(
                entry.getTitleEx() == null ? "" : text(entry.getTitleEx(), atom),
                Links.resolve(base, link(entry)),
                guid(feedType, entry),
                entry.getDescription() == null ? "" : text(entry.getDescription(), atom),
                content,
                instant(published(entry)),
                instant(updated(entry)),
                entry.getCategories().stream().map(SyndCategory::getName).map(VisibleText::orNull)
                        .filter(Objects::nonNull).distinct().toList());
    }

    /** Atom says what its text constructs are (plain text when it does not); RSS text is HTML, whatever ROME says. */
    private static String text(SyndContent content, boolean atom) {
        if (!atom) {
            return VisibleText.ofHtml(content.getValue());
        }
        return VisibleText.of(content.getValue(), content.getType() == null ? "text" : content.getType());
    }

    private static String link(SyndEntry entry) {
        if (entry.getWireEntry() instanceof Item item) {
            if (item.getLink() != null && !item.getLink().isBlank()) {
                return item.getLink();
            }
            Guid guid = item.getGuid();
            boolean permalink = guid != null && guid.isPermaLink() && guid.getValue() != null
                    && guid.getValue().strip().toLowerCase(Locale.ROOT).matches("https?://.+");
            return permalink ? guid.getValue() : null;
        }
        return entry.getLink();
    }

    private static String guid(String feedType, SyndEntry entry) {
        String guid;
        if (entry.getWireEntry() instanceof Item item) {
            boolean rdf = feedType.equals("rss_1.0") || feedType.equals("rss_0.9");
            guid = item.getGuid() != null ? item.getGuid().getValue() : rdf ? item.getUri() : null;
        } else if (entry.getWireEntry() instanceof Entry atomEntry) {
            guid = atomEntry.getId();
        } else {
            guid = entry.getUri();
        }
        return guid == null || guid.isBlank() ? null : guid.strip();
    }

    private static Date published(SyndEntry entry) {
        if (entry.getWireEntry() instanceof Entry e) {
            return first(e.getPublished(), e.getIssued(), e.getCreated());
        }
        return entry.getPublishedDate();
    }

    private static Date updated(SyndEntry entry) {
        if (entry.getWireEntry() instanceof Entry e) {
            return first(e.getUpdated(), e.getModified());
        }
        return entry.getUpdatedDate();
    }

    private static Date first(Date... dates) {
        return Stream.of(dates).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Duration ttl(WireFeed wire) {
        return wire instanceof Channel channel && channel.getTtl() > 0 ? Duration.ofMinutes(channel.getTtl()) : null;
    }

    /** {@code sy:updatePeriod} (daily when only a frequency is given) divided by {@code sy:updateFrequency} (1 if absent). */
    private static Duration updatePeriod(SyndFeed feed) {
        if (!(feed.getModule(SyModule.URI) instanceof SyModule sy)
                || sy.getUpdatePeriod() == null && sy.getUpdateFrequency() <= 0) {
            return null;
        }
        String period = sy.getUpdatePeriod() == null ? SyModule.DAILY : sy.getUpdatePeriod().strip();
        Duration length = switch (period.toLowerCase(Locale.ROOT)) {
            case SyModule.HOURLY -> Duration.ofHours(1);
            case SyModule.DAILY -> Duration.ofDays(1);
            case SyModule.WEEKLY -> Duration.ofDays(7);
            case SyModule.MONTHLY -> Duration.ofDays(30);
            case SyModule.YEARLY -> Duration.ofDays(365);
            default -> null;
        };
        return length == null ? null : length.dividedBy(Math.max(1, sy.getUpdateFrequency()));
    }
}
