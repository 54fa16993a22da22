package io.newsradar.alert.delivery;

import io.newsradar.contracts.AlertDelivery;
import io.newsradar.contracts.ArticleDocument;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a webhook receives: the search, a one-line summary Slack (and Mattermost, Teams' incoming webhooks…) shows
 * as it is ({@code text}), and the articles as the API lists them, without evidence.
 *
 * @param searchId   the saved search's id
 * @param searchName its name
 * @param text       one line: the search's name, the title as a Slack link, the source
 * @param articles   the matched articles
 */
public record WebhookPayload(String searchId, String searchName, String text, List<Article> articles) {

    /** One matched article. */
    public record Article(String id, String url, String title, String lead, String source, String feedId, String language,
            Instant publishedAt, String pair, List<String> countries, List<String> regions, List<String> topics) {

        static Article of(ArticleDocument doc) {
            return new Article(doc.articleId(), doc.url(), doc.title(), doc.lead(), doc.source(), doc.feedId(),
                    doc.language(), doc.publishedAt(), doc.pair(), doc.countries(), doc.regions(), doc.topics());
        }
    }

    /** The payload of one delivery. */
    public static WebhookPayload of(AlertDelivery delivery) {
        return of(List.of(delivery));
    }

    /**
     * The payload of one or more deliveries of one search. {@code text} is one line: for one article
     * {@code [search] <url|title> (source)}; for several {@code [search] 3 articles: <url|title> (source), …}.
     */
    public static WebhookPayload of(List<AlertDelivery> deliveries) {
        AlertDelivery first = deliveries.get(0);
        List<String> links = deliveries.stream().map(d -> link(d.article())).toList();
        String text = "[" + oneLine(first.search().name()) + "] "
                + (links.size() == 1 ? links.get(0) : links.size() + " articles: " + String.join(", ", links));
        return new WebhookPayload(first.search().searchId(), first.search().name(), text,
                deliveries.stream().map(d -> Article.of(d.article())).toList());
    }

    private static String link(ArticleDocument doc) {
        return "<" + slack(doc.url()) + "|" + slack(oneLine(doc.title())) + ">"
                + (doc.source() == null ? "" : " (" + slack(oneLine(doc.source())) + ")");
    }

    /** The body's bytes, exactly as signed and sent. */
    byte[] bytes(JsonMapper json) {
        return json.writeValueAsBytes(this);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** Slack's escapes for its control characters in message text. */
    private static String slack(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
