package io.newsradar.gateway.live;

import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.TextFolding;
import io.newsradar.gateway.search.ArticleView;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * One article as the streams send it, prepared once for every stream: its position, the view the filters look at, its
 * folded title as words for {@code q}, and its JSON ({@code GET /api/v1/articles/{id}}'s body).
 *
 * @param position        the event id
 * @param view            the article as the API shows it
 * @param titleWords      the folded title's words, each with a space either side
 * @param json            the view as JSON
 * @param revision        the article id and ingestion time in one number: a redelivered (or re-classified) record of the
 *                        same revision has the same one, a revised story another
 * @param recordTimestamp the Kafka record's timestamp in epoch millis, or {@code -1} when read from the index
 */
record LiveArticle(EventPosition position, ArticleView view, String titleWords, String json, long revision, long recordTimestamp) {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    static LiveArticle of(ArticleDocument doc, JsonMapper mapper, long recordTimestamp) {
        ArticleView view = ArticleView.of(doc);
        Instant classified = doc.classifiedAt() != null ? doc.classifiedAt() : doc.ingestedAt();
        String foldedTitle = doc.folded() != null && doc.folded().title() != null ? doc.folded().title() : TextFolding.fold(doc.title());
        return new LiveArticle(new EventPosition(classified.toEpochMilli(), doc.articleId()), view, words(foldedTitle),
                mapper.writeValueAsString(view), revision(doc), recordTimestamp);
    }

    /** The words of folded text, as {@code " w1 w2 … "}. */
    static String words(String folded) {
        return " " + String.join(" ", NON_WORD.split(folded.strip())).strip() + " ";
    }

    private static long revision(ArticleDocument doc) {
        long id;
        try {
            id = ByteBuffer.wrap(Base64.getUrlDecoder().decode(doc.articleId())).getLong();
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            id = doc.articleId().hashCode();
        }
        return id * 31 + doc.ingestedAt().toEpochMilli();
    }
}
