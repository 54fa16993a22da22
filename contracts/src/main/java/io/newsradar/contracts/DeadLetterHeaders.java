package io.newsradar.contracts;

/**
 * Headers of a record in {@link Topics#ARTICLES_DLQ}. The error and original-topic names are those Spring Cloud
 * Stream's own dead-letter publishing uses, so every dead letter reads the same whichever stage sent it.
 */
public final class DeadLetterHeaders {

    /** The stage that gave up: {@code classify-service}, {@code index-service}, … */
    public static final String STAGE = "newsradar-stage";

    /** What went wrong, and where. */
    public static final String ERROR = "x-exception-message";

    /** The topic the record came from. */
    public static final String ORIGINAL_TOPIC = "x-original-topic";

    /** The partition of the original topic the record came from, in decimal, when the stage knows it. */
    public static final String ORIGINAL_PARTITION = "x-original-partition";

    /** The record's offset in that partition, in decimal, when the stage knows it. */
    public static final String ORIGINAL_OFFSET = "x-original-offset";

    /**
     * Present when the dead letter holds only the beginning of the record, because the whole would not fit in a
     * record the broker takes: the record's size in bytes, in decimal. See {@link DeadLetterPayload}.
     */
    public static final String ORIGINAL_SIZE = "newsradar-original-size";

    private DeadLetterHeaders() {
    }
}
