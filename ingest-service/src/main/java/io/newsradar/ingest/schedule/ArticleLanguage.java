package io.newsradar.ingest.schedule;

import io.newsradar.contracts.FeedSpec;
import io.newsradar.contracts.LanguageGuess;
import io.newsradar.contracts.XmlText;
import io.newsradar.ingest.extract.ExtractedArticle;
import io.newsradar.ingest.parse.ParsedFeed;

/**
 * The language of an article, decided once, in ingest, with where it came from ({@code RawArticle.languageFrom}).
 * The hint is the feed's registry entry, else the article page, else the feed document; {@link LanguageGuess} reads
 * the article's own text against it. A hint the text agrees with is kept as written ({@code en-GB}); one the text
 * contradicts gives way to the language read ({@code detected}); a hint in a language newsradar does not read
 * ({@code ja}) is kept; without any, the text decides, {@code und} when it says nothing clearly.
 *
 * @param tag  the BCP 47 tag published, {@code und} for none
 * @param from {@code feed}, {@code page} or {@code detected}
 */
record ArticleLanguage(String tag, String from) {

    static final String FEED = "feed";
    static final String PAGE = "page";
    static final String DETECTED = "detected";

    /** The language of the article whose title, lead and body, as published, are given. */
    static ArticleLanguage decide(FeedSpec feed, ExtractedArticle page, ParsedFeed parsed, String title, String lead,
            String body) {
        ArticleLanguage hint = hint(feed, page, parsed);
        String read = LanguageGuess.ofStory(title, lead, body, hint == null ? null : hint.tag);
        String hinted = hint == null ? null : LanguageGuess.primary(hint.tag);
        if (hinted != null && (hinted.equals(read) || read.equals(LanguageGuess.UNKNOWN) && !LanguageGuess.SUPPORTED.contains(hinted))) {
            return hint;
        }
        return new ArticleLanguage(read, DETECTED);
    }

    /** The first language tag given, as the feed or page wrote it; {@code null} when none, or it is too long to be one. */
    private static ArticleLanguage hint(FeedSpec feed, ExtractedArticle page, ParsedFeed parsed) {
        String[] tags = {feed.languageHint(), page == null ? null : page.language(), parsed.language()};
        String[] froms = {FEED, PAGE, FEED};
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] != null && !tags[i].isBlank()) {
                String tag = XmlText.strip(tags[i]).strip();
                return tag.isEmpty() || tag.length() > FieldLimits.LANGUAGE ? null : new ArticleLanguage(tag, froms[i]);
            }
        }
        return null;
    }
}
