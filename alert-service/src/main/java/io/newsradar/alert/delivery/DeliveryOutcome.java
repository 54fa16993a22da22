package io.newsradar.alert.delivery;

/** How one delivery ended. */
public enum DeliveryOutcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The receiver answered 410 Gone: the search is paused. */
    PAUSED,
    /** The URL may not be posted to (scheme, or an address the policy refuses). */
    REFUSED,
    /** The receiver answered a status that trying again cannot change (a redirect, 4xx other than 408, 410, 425, 429). */
    REJECTED,
    /** Still failing when the retry policy gave up. */
    GAVE_UP,
    /** The search is gone, disabled, paused, or has no webhook any more: nothing to deliver to. */
    SKIPPED;

    /** The metric tag. */
    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
