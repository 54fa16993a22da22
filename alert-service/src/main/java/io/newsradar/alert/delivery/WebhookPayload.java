package io.newsradar.alert.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newsradar.contracts.AlertDelivery;
import io.newsradar.contracts.ArticleDocument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a webhook receives: the search, a one-line summary Slack (and Mattermost, Teams' incoming webhooks…) shows
 * as it is ({@code text}), and the articles as the API lists them, without evidence.
 *
 * @param kind       {@code match} (one or more matched articles) or {@code spike}
 * @param searchId   the saved search's id
 * @param searchName its name
 * @param text       one line: the search's name, the title as a Slack link, the source; for a spike
 *                   {@code [search] 12 articles in the hour against a usual 1.3}
 * @param articles   the matched articles; empty for a spike
 * @param spike      the spike's hour, count and baseline; absent from a match
 */
public record WebhookPayload(String kind, String searchId, String searchName, String text, List<Article> articles,
        @JsonInclude(JsonInclude.Include.NON_NULL) Spike spike) {

    /**
     * An hour with far more matches than usual.
     *
     * @param hour    the start of the hour (UTC)
     * @param count   the articles matched in it when the spike was raised
     * @param usual   the search's mean count per hour over its history (up to four weeks)
     * @param sd      the standard deviation of its hourly counts
     * @param history the hours of history the baseline covers
     */
    public record Spike(Instant hour, int count, double usual, double sd, int history) {

        static Spike of(AlertDelivery.Spike spike) {
            return new Spike(spike.hour(), spike.count(), rounded(spike.mean()), rounded(spike.sd()), spike.historyHours());
        }
    }

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
        if (AlertDelivery.SPIKE.equals(first.kind())) {
            Spike spike = Spike.of(first.spike());
            return new WebhookPayload(AlertDelivery.SPIKE, first.search().searchId(), first.search().name(),
                    "[" + oneLine(first.search().name()) + "] " + spike.count() + (spike.count() == 1 ? " article" : " articles")
                            + " in the hour against a usual " + BigDecimal.valueOf(spike.usual()).stripTrailingZeros().toPlainString(),
                    List.of(), spike);
        }
        List<String> links = deliveries.stream().map(d -> link(d.article())).toList();
        String text = "[" + oneLine(first.search().name()) + "] "
                + (links.size() == 1 ? links.get(0) : links.size() + " articles: " + String.join(", ", links));
        return new WebhookPayload(AlertDelivery.MATCH, first.search().searchId(), first.search().name(), text,
                deliveries.stream().map(d -> Article.of(d.article())).toList(), null);
    }

    private static String link(ArticleDocument doc) {
        return "<" + slack(doc.url()) + "|" + slack(oneLine(doc.title())) + ">"
                + (doc.source() == null ? "" : " (" + slack(oneLine(doc.source())) + ")");
    }

    /** The body's bytes, exactly as signed and sent. */
    byte[] bytes(JsonMapper json) {
        return json.writeValueAsBytes(this);
    }

    /** One decimal: what a reader needs of a mean, and stable across runs. */
    private static double rounded(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** Slack's escapes for its control characters in message text. */
    private static String slack(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
