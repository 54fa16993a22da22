package io.newsradar.ingest.schedule;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.XmlText;
import io.newsradar.ingest.dedupe.ItemIdentity;
import io.newsradar.ingest.extract.ExtractedArticle;
import io.newsradar.ingest.parse.FeedItem;
import io.newsradar.ingest.parse.ParsedFeed;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a feed item, with its identity and the story extracted from its page when there is one, into the
 * {@link RawArticle} ingest publishes: its language decided once ({@link ArticleLanguage}), every text field without the characters XML forbids and within its {@link FieldLimits}, dates that are
 * believable ({@link ItemDates}), whether the feed is on the article's site ({@link Sites}), and the whole event
 * within its size limit.
 */
final class ItemMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Room left for what the binder's serializer may write differently from ours. */
    private static final int SIZE_MARGIN = 256;

    private final FieldLimits limits;

    ItemMapper(FieldLimits limits) {
        this.limits = limits;
    }

    /** @throws ItemRefused when the item's link or GUID is longer than newsradar takes as an identity */
    void checkIdentity(FeedItem item) {
        for (String identity : new String[] {item.link(), item.guid()}) {
            if (identity != null && identity.length() > limits.url()) {
                throw new ItemRefused("identity_too_long", "its link or GUID is " + identity.length()
                        + " characters long, over the limit of " + limits.url() + " (newsradar.ingest.items.max-url-length)");
            }
        }
    }

    /**
     * @param identity the item's id and canonical URL, worked out once ({@link ItemIdentity})
     * @param page     the story on the item's page, {@code null} when there is none
     * @throws ItemRefused when it cannot be made to fit its size limit
     */
    RawArticle toArticle(FeedSpec feed, ParsedFeed parsed, FeedItem item, ItemIdentity identity, ExtractedArticle page,
            Instant now) {
        String url = identity.url();
        List<String> truncated = new ArrayList<>();
        String source = TextCut.cut(XmlText.strip(firstText(feed.title(), parsed.title(), host(feed.url()))), FieldLimits.SOURCE);
        String title = capped("title", firstText(item.title(), page == null ? null : page.headline(), ""), limits.title(), truncated);
        String lead = capped("lead", page != null && !page.lead().isBlank() ? page.lead() : item.summary(), limits.lead(), truncated);
        String body = capped("body", page != null && !page.body().isBlank() ? page.body() : item.content(), limits.body(), truncated);
        ArticleLanguage language = ArticleLanguage.decide(feed, page, parsed, title, lead, body);
        Dated dated = Dated.of(item, page, now);
        RawArticle article = new RawArticle(RawArticle.SCHEMA_VERSION, identity.articleId(), url, XmlText.strip(item.guid()),
                feed.feedId(), source, language.tag(), title, lead, body, categories(item.categories()), dated.published(),
                now, dated.updated(), dated.from(), truncated, dated.asGiven(), Sites.sameSite(feed.url(), url),
                language.from());
        return fitted(article);
    }

    private static String capped(String field, String text, int limit, List<String> truncated) {
        String clean = XmlText.strip(text == null ? "" : text);
        if (clean.length() <= limit) {
            return clean;
        }
        truncated.add(field);
        return TextCut.cut(clean, limit);
    }

    private List<String> categories(List<String> given) {
        return given.stream().map(XmlText::strip).map(c -> TextCut.cut(c, limits.categoryLength()).strip())
                .filter(c -> !c.isEmpty()).distinct().limit(limits.categories()).toList();
    }

    /** The article, its body cut further if the whole event would pass its size limit. */
    private RawArticle fitted(RawArticle article) {
        int size = JSON.writeValueAsBytes(article).length;
        if (size + SIZE_MARGIN <= limits.eventBytes()) {
            return article;
        }
        int bare = JSON.writeValueAsBytes(article.withBody("", article.truncated())).length;
        if (bare + SIZE_MARGIN > limits.eventBytes()) {
            throw new ItemRefused("too_large", "its article is " + bare + " bytes even without its body, over the limit of "
                    + limits.eventBytes() + " bytes (newsradar.ingest.items.max-event-size)");
        }
        String body = article.body();
        String cut = TextCut.cut(body, TextCut.charsFitting(body, limits.eventBytes() - SIZE_MARGIN - bare));
        List<String> truncated = new ArrayList<>(article.truncated());
        if (!truncated.contains("body")) {
            truncated.add("body");
        }
        return article.withBody(cut, truncated);
    }

    private static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private static String host(String url) {
        return URI.create(url).getHost();
    }

    /** The article's dates: the believable ones, where {@code publishedAt} came from, and a refused one as given. */
    private record Dated(Instant published, String from, Instant updated, String asGiven) {

        static Dated of(FeedItem item, ExtractedArticle page, Instant now) {
            Instant published = ItemDates.orNull(item.published(), now);
            Instant updated = ItemDates.orNull(item.updated(), now);
            Instant pagePublished = page == null ? null : ItemDates.orNull(page.publishedAt(), now);
            Instant pageUpdated = page == null ? null : ItemDates.orNull(page.updatedAt(), now);
            Instant refused = item.published() != null && published == null ? item.published()
                    : item.published() == null && item.updated() != null && updated == null ? item.updated() : null;
            String asGiven = refused == null ? null : refused.toString();
            Instant updatedAt = updated != null ? updated : pageUpdated;
            if (published != null) {
                return new Dated(published, "published", updatedAt, asGiven);
            }
            if (updated != null) {
                return new Dated(updated, "updated", updatedAt, asGiven);
            }
            if (pagePublished != null) {
                return new Dated(pagePublished, "page", updatedAt, asGiven);
            }
            return new Dated(Objects.requireNonNull(now), "ingested", updatedAt, asGiven);
        }
    }
}
