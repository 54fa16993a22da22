package io.newsradar.contracts;

import java.util.Arrays;

/**
 * The value of a dead letter: the failed record as it came, or, when that would not fit in a record the broker takes,
 * its first bytes, so that the dead letter itself can always be produced and the partition it came from moves on.
 * A cut payload is marked with {@link DeadLetterHeaders#ORIGINAL_SIZE}; it may end inside a character or a JSON
 * value, and is kept to show what the record was, not to be read again.
 */
public final class DeadLetterPayload {

    /** Room kept in a dead letter for its key, headers and record framing. */
    public static final int FRAMING_BYTES = 16 * 1024;

    private DeadLetterPayload() {
    }

    /**
     * @param value         the failed record's value, {@code null} for a record without one
     * @param maxRecordSize the largest record the dead-letter topic takes, in bytes
     * @return {@code value} itself when it fits in {@code maxRecordSize} less {@link #FRAMING_BYTES}, else its first
     *         bytes up to that size
     */
    public static byte[] fit(byte[] value, int maxRecordSize) {
        int room = Math.max(0, maxRecordSize - FRAMING_BYTES);
        if (value == null || value.length <= room) {
            return value;
        }
        return Arrays.copyOf(value, room);
    }

    /** Whether {@link #fit} cuts {@code value}. */
    public static boolean isCut(byte[] value, int maxRecordSize) {
        return value != null && value.length > Math.max(0, maxRecordSize - FRAMING_BYTES);
    }
}
