package io.newsradar.ingest.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Which item dates are believable: none before 1990 (no news feed is older) and none more than a day ahead of now
 * (time zones and clock skew stay well within a day). A date outside that window is refused; the article then takes
 * the next date {@code publishedFrom} allows and keeps the refused one in {@code RawArticle.dateAsGiven}.
 */
final class ItemDates {

    /** The earliest date taken as given. */
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    /** How far ahead of now a date may lie. */
    static final Duration AHEAD = Duration.ofDays(1);

    private ItemDates() {
    }

    static boolean plausible(Instant date, Instant now) {
        return date != null && !date.isBefore(EARLIEST) && !date.isAfter(now.plus(AHEAD));
    }

    /** The date when it is plausible, else {@code null}. */
    static Instant orNull(Instant date, Instant now) {
        return plausible(date, now) ? date : null;
    }
}
