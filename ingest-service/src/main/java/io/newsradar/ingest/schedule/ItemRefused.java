package io.newsradar.ingest.schedule;

/** An item ingest will not publish as it stands; the message says which item and why, the reason names the class. */
final class ItemRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A short metric tag: {@code too_large}, {@code identity_too_long}, {@code kafka_refused}. */
    final String reason;

    ItemRefused(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }
}
