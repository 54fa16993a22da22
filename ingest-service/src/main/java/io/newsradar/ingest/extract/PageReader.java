package io.newsradar.ingest.extract;

import java.net.URI;

/** Reads the story of an article page; {@link ArticleExtractor} does it on the caller's thread, {@link PageExtraction} on its own. */
public interface PageReader {

    /**
     * @param pageUrl     the page's URL, for resolving links and for messages
     * @param html        the raw bytes of the page
     * @param contentType the HTTP Content-Type (may carry a charset), or {@code null}
     * @throws ExtractionDeadlineException when the page was not read within the deadline
     * @throws ExtractionException         when the page holds no story
     */
    ExtractedArticle extract(URI pageUrl, byte[] html, String contentType) throws ExtractionException;
}
