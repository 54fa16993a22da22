package io.newsradar.ingest.schedule;

/**
 * The most ingest publishes of each part of an article, so that no record it writes can exceed what Kafka accepts or
 * what classify and index produce from it. Text past its limit is cut at a word and named in
 * {@code RawArticle.truncated}; an item whose identity (link or GUID) is too long, or whose event cannot be made to
 * fit, is refused.
 *
 * @param title          characters of the headline
 * @param lead           characters of the lead
 * @param body           characters of the body
 * @param categories     how many categories an article keeps (the first ones)
 * @param categoryLength characters of one category; a longer one is cut
 * @param url            characters of the item's link or GUID; an item with a longer one is refused
 * @param eventBytes     bytes of the serialized article; the body is cut further to fit, and an article that does
 *                       not fit even without its body is refused
 */
public record FieldLimits(int title, int lead, int body, int categories, int categoryLength, int url, int eventBytes) {

    /** Characters of the source name (the feed's title). */
    public static final int SOURCE = 300;

    /** Characters of a language tag; a longer one is no tag and is dropped. */
    public static final int LANGUAGE = 35;

    /** The limits newsradar ships with: title 1,000, lead 5,000, body 100,000 characters, event 256 KiB. */
    public static final FieldLimits DEFAULTS = new FieldLimits(1_000, 5_000, 100_000, 50, 200, 2_048, 256 * 1024);

    public FieldLimits {
        if (title < 10 || lead < 10 || body < 10 || categories < 0 || categoryLength < 10 || url < 64) {
            throw new IllegalArgumentException("article field limits are too small: title, lead, body and category "
                    + "length must be at least 10, categories not negative, url at least 64");
        }
        if (eventBytes < 16 * 1024 || eventBytes > 900 * 1024) {
            throw new IllegalArgumentException("the article event limit must be between 16 KiB and 900 KiB (Kafka "
                    + "accepts 1 MB, and classify adds its tags), was " + eventBytes + " bytes");
        }
    }
}
