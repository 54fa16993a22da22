package io.newsradar.gateway.live;

/**
 * The revisions one stream sent last, at most {@code capacity}: a stream drops an article it has just sent, whether it
 * comes again from Kafka (a redelivery) or both from the index and the live flow while it resumes. Kept as numbers in a
 * ring, so thousands of streams hold little; used by one stream at a time.
 */
final class SentRecently {

    private final long[] revisions;
    private int next;
    private int size;

    SentRecently(int capacity) {
        this.revisions = new long[capacity];
    }

    /** Whether the revision was not sent lately; if not, it is remembered as sent. */
    boolean firstTime(long revision) {
        for (int i = 0; i < size; i++) {
            if (revisions[i] == revision) {
                return false;
            }
        }
        revisions[next] = revision;
        next = (next + 1) % revisions.length;
        size = Math.min(size + 1, revisions.length);
        return true;
    }
}
