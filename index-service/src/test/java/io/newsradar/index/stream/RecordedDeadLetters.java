package io.newsradar.index.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Dead letters kept in a list instead of sent to the dead-letter binding: what the stream would have sent, and why. */
final class RecordedDeadLetters extends DeadLetters {

    /** One dead letter: the key as it would be sent, the record, where it was read and the error. */
    record Sent(String key, byte[] record, Source source, String error) {
    }

    final List<Sent> sent = new ArrayList<>();

    RecordedDeadLetters() {
        super(null, 1_000_000);
    }

    @Override
    void send(byte[] key, byte[] record, Source source, String error) {
        sent.add(new Sent(key == null ? null : new String(key, StandardCharsets.UTF_8), record, source, error));
    }
}
