package io.newsradar.gateway.live;

import io.newsradar.contracts.ArticleId;
import io.newsradar.gateway.search.InvalidQueryException;
import java.time.Instant;
import java.util.Comparator;

/**
 * Where a stream stands: the SSE event id of an article, {@code <classifiedAt epoch millis>-<articleId>}, such as
 * {@code 1763629200123-q3B8o5y0dq2yqD7kYF8bUw}. Positions are ordered by classification time, then article id, which
 * is also the order the index can be read in after a position.
 *
 * @param classifiedAt when the article was classified, to the millisecond
 * @param articleId    the article's id
 */
public record EventPosition(long classifiedAt, String articleId) implements Comparable<EventPosition> {

    private static final Comparator<EventPosition> ORDER = Comparator.comparingLong(EventPosition::classifiedAt)
            .thenComparing(EventPosition::articleId);
    /** The id of sixteen zero bytes: the lowest article id, for a position that is a time only. */
    private static final String LOWEST_ID = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final int MAX_LENGTH = 64;

    /** A position just before every article classified at that millisecond. */
    static EventPosition at(Instant time) {
        return new EventPosition(time.toEpochMilli(), LOWEST_ID);
    }

    /**
     * @param name the parameter or header it came from, for the error
     * @throws InvalidQueryException when the text is not an event id this API gave
     */
    public static EventPosition parse(String text, String name) {
        String value = text.strip();
        int dash = value.indexOf('-');
        if (value.length() <= MAX_LENGTH && dash > 0 && dash <= 15) {
            String millis = value.substring(0, dash);
            String id = value.substring(dash + 1);
            if (millis.chars().allMatch(Character::isDigit) && ArticleId.isValid(id)) {
                return new EventPosition(Long.parseLong(millis), id);
            }
        }
        throw new InvalidQueryException(name, name + " must be the id of an event this stream sent, such as"
                + " 1763629200123-q3B8o5y0dq2yqD7kYF8bUw; was '" + (text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text) + "'");
    }

    /** The SSE event id. */
    public String id() {
        return classifiedAt + "-" + articleId;
    }

    @Override
    public int compareTo(EventPosition other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return id();
    }
}
