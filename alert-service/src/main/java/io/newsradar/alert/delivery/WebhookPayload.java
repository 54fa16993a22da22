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
        ArticleDocument doc = delivery.article();
        String text = "[" + oneLine(delivery.search().name()) + "] <" + slack(doc.url()) + "|" + slack(oneLine(doc.title()))
                + ">" + (doc.source() == null ? "" : " (" + slack(oneLine(doc.source())) + ")");
        return new WebhookPayload(delivery.search().searchId(), delivery.search().name(), text, List.of(Article.of(doc)));
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
