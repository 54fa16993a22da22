package io.newsradar.classify.text;

import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.RawArticle;
import io.newsradar.contracts.TextFolding;
import java.text.Normalizer;
import java.util.List;

/** An article's title, lead and body, each as written (NFC) and folded, offsets shared between the two. */
public record ArticleText(List<Part> parts) {

    /** One field of the article. */
    public record Part(Evidence.Field field, String original, String folded) {

        static Part of(Evidence.Field field, String text) {
            String original = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
            String folded = TextFolding.fold(original);
            // Folding NFC text keeps its length, except for stray combining marks; fall back to the folded text then.
            return new Part(field, folded.length() == original.length() ? original : folded, folded);
        }
    }

    public ArticleText {
        parts = List.copyOf(parts);
    }

    public static ArticleText of(RawArticle article) {
        return new ArticleText(List.of(
                Part.of(Evidence.Field.TITLE, article.title()),
                Part.of(Evidence.Field.LEAD, article.lead()),
                Part.of(Evidence.Field.BODY, article.body())));
    }
}
