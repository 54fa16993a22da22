package io.newsradar.ingest.extract;

import java.time.Duration;

/**
 * How much of a page {@link ArticleExtractor} reads and for how long, and how many pages {@link PageExtraction}
 * extracts at once.
 *
 * @param maxPageBytes the most bytes of a page that are parsed; the rest is left unread and the story is taken from
 *                     what was read
 * @param maxDepth     the deepest element nesting kept; the text below it is kept, lifted into the element at this depth
 * @param deadline     how long one page may take, from the moment it is handed over; a page that misses it yields no
 *                     story and its feed item is published from the feed's own text
 * @param concurrency  how many pages are extracted at once, overall (each takes one core while it runs)
 * @param queue        how many more pages may wait for a free extraction; beyond that a page is refused at once
 */
public record ExtractionSettings(int maxPageBytes, int maxDepth, Duration deadline, int concurrency, int queue) {

    public ExtractionSettings {
        if (maxPageBytes <= 0 || maxDepth < 8 || concurrency <= 0 || queue < 0) {
            throw new IllegalArgumentException("extraction needs a positive page size, a depth of at least 8, a positive "
                    + "concurrency and a queue that is not negative; were " + maxPageBytes + " bytes, depth " + maxDepth
                    + ", concurrency " + concurrency + ", queue " + queue);
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the extraction deadline must be positive, was " + deadline);
        }
    }

    /** 2 MB parsed, 64 levels deep, 5 s per page, 2 pages at once and 8 waiting. */
    public static ExtractionSettings defaults() {
        return new ExtractionSettings(2 * 1024 * 1024, 64, Duration.ofSeconds(5), 2, 8);
    }
}
