package io.newsradar.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The headers of every record in {@link Topics#ARTICLES_DLQ}, whichever stage sent it: the one header set. Values are
 * UTF-8 text; numbers are decimal, the time ISO-8601. The error and original-topic names are those Spring Cloud
 * Stream's own dead-letter publishing uses, so that tools which know those read ours.
 *
 * @param stage             the stage that gave up: {@code classify-service}, {@code index-service}, …
 * @param errorClass        the Java class of the failure, or, when the stage refused the record by a check of its own,
 *                          the check's name in lower-case words ({@code no-value}, {@code json-null},
 *                          {@code over-record-size}, {@code elasticsearch-refused})
 * @param error             what went wrong and where, with secrets masked ({@link Redaction}) and cut to
 *                          {@link #MAX_ERROR_LENGTH} characters
 * @param attempts          how many times the stage tried the record, this last time included: 1 when it gave up at
 *                          once, more when the record's batch had been delivered again before
 * @param originalTopic     the topic the record was read from
 * @param originalPartition its partition there, {@code -1} when the stage does not know it (a replay)
 * @param originalOffset    its offset in that partition, {@code -1} when unknown
 * @param failedAt          when the stage gave up
 * @param originalSize      the size in bytes of the record's value when the dead letter holds only its beginning
 *                          ({@link DeadLetterPayload}), {@code -1} when it holds all of it
 */
public record DeadLetterHeaders(String stage, String errorClass, String error, int attempts, String originalTopic,
        int originalPartition, long originalOffset, Instant failedAt, long originalSize) {

    /** The stage that gave up. */
    public static final String STAGE = "newsradar-stage";

    /** What went wrong, and where. */
    public static final String ERROR = "x-exception-message";

    /** The Java class of the failure, or the name of the stage's own check that refused the record. */
    public static final String ERROR_CLASS = "x-exception-fqcn";

    /** How many times the stage tried the record, in decimal. */
    public static final String ATTEMPTS = "newsradar-attempts";

    /** The topic the record came from. */
    public static final String ORIGINAL_TOPIC = "x-original-topic";

    /** The partition of the original topic the record came from, in decimal, when the stage knows it. */
    public static final String ORIGINAL_PARTITION = "x-original-partition";

    /** The record's offset in that partition, in decimal, when the stage knows it. */
    public static final String ORIGINAL_OFFSET = "x-original-offset";

    /** When the stage gave up, ISO-8601 in UTC ({@code 2026-12-02T16:40:00.123Z}). */
    public static final String TIME = "newsradar-dead-lettered-at";

    /**
     * Present when the dead letter holds only the beginning of the record, because the whole would not fit in a
     * record the broker takes: the record's size in bytes, in decimal. See {@link DeadLetterPayload}.
     */
    public static final String ORIGINAL_SIZE = "newsradar-original-size";

    /** The longest error text kept, in characters; a longer one is cut and ends with {@code …}. */
    public static final int MAX_ERROR_LENGTH = 2000;

    /** The longest stage, error class or topic name taken. */
    private static final int MAX_NAME_LENGTH = 255;

    /** Masks and bounds the error; refuses what no dead letter may say. */
    public DeadLetterHeaders {
        stage = Checks.requireText(stage, "stage");
        errorClass = Checks.requireText(errorClass, "errorClass");
        originalTopic = Checks.requireText(originalTopic, "originalTopic");
        for (String name : new String[] {stage, errorClass, originalTopic}) {
            if (name.length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("a dead letter's stage, error class and topic are at most "
                        + MAX_NAME_LENGTH + " characters, not " + name.length());
            }
        }
        error = bounded(Redaction.mask(Checks.requireText(error, "error")));
        if (attempts < 1) {
            throw new IllegalArgumentException("a dead letter's record was tried at least once, not " + attempts + " times");
        }
        if (originalPartition < -1 || originalOffset < -1 || (originalPartition == -1) != (originalOffset == -1)) {
            throw new IllegalArgumentException("a dead letter's partition and offset are both known (>= 0) or both -1, not "
                    + originalPartition + " and " + originalOffset);
        }
        if (failedAt == null) {
            throw new IllegalArgumentException("failedAt is required");
        }
        if (originalSize < -1) {
            throw new IllegalArgumentException("originalSize is -1 or a size, not " + originalSize);
        }
    }

    /** The headers in a fixed order; partition, offset and size only when known. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(STAGE, stage);
        headers.put(ERROR_CLASS, errorClass);
        headers.put(ERROR, error);
        headers.put(ATTEMPTS, Integer.toString(attempts));
        headers.put(ORIGINAL_TOPIC, originalTopic);
        if (originalPartition >= 0) {
            headers.put(ORIGINAL_PARTITION, Integer.toString(originalPartition));
            headers.put(ORIGINAL_OFFSET, Long.toString(originalOffset));
        }
        headers.put(TIME, failedAt.toString());
        if (originalSize >= 0) {
            headers.put(ORIGINAL_SIZE, Long.toString(originalSize));
        }
        return headers;
    }

    /** {@link #asMap()} with each value as UTF-8 bytes, as a Kafka header holds it. */
    public Map<String, byte[]> asBytes() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        asMap().forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /**
     * Reads the header set of a dead letter.
     *
     * @param header a header's value by name, as text, {@code null} when the record has none of that name
     * @throws IllegalArgumentException when a header is missing or malformed, naming it
     */
    public static DeadLetterHeaders read(Function<String, String> header) {
        try {
            String partition = header.apply(ORIGINAL_PARTITION);
            String offset = header.apply(ORIGINAL_OFFSET);
            String size = header.apply(ORIGINAL_SIZE);
            return new DeadLetterHeaders(header.apply(STAGE), header.apply(ERROR_CLASS), header.apply(ERROR),
                    Integer.parseInt(present(header, ATTEMPTS)), header.apply(ORIGINAL_TOPIC),
                    partition == null ? -1 : Integer.parseInt(partition), offset == null ? -1 : Long.parseLong(offset),
                    Instant.parse(present(header, TIME)), size == null ? -1 : Long.parseLong(size));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("a dead letter's header does not read: " + e.getMessage(), e);
        }
    }

    private static String present(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null) {
            throw new IllegalArgumentException("a dead letter has no " + name + " header");
        }
        return value;
    }

    /** The text cut to {@link #MAX_ERROR_LENGTH} characters, never inside a surrogate pair. */
    private static String bounded(String text) {
        if (text.length() <= MAX_ERROR_LENGTH) {
            return text;
        }
        int end = MAX_ERROR_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
