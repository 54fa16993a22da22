package io.newsradar.story.stream;

import io.micrometer.core.instrument.Timer;
import io.newsradar.contracts.StoryAssignment;
import io.newsradar.contracts.StoryMerge;
import io.newsradar.story.event.StoryClusterer;
import io.newsradar.support.kafka.ReaderSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the story stage's window on start: reads the compacted stories topic to the end it has (the shared
 * reader's bounded read), keeps the latest record of each key (an article's assignment, a story's merge; a tombstone
 * removes it) and hands the window's share to {@link StoryStage#restore}. A record that cannot be read is skipped with
 * a log line naming where it was. While reading, assignments older than the window behind the newest day read so far
 * are let go, so the history of the topic never has to fit in memory at once.
 */
final class WindowRestore {

    private static final Logger log = LoggerFactory.getLogger(WindowRestore.class);

    /** Assignments held while reading before those out of the window are let go. */
    private static final int PRUNE_FROM = 50_000;

    private final ReaderSettings settings;
    private final String topic;
    private final JsonMapper json;
    private final Duration timeout;
    private final Timer timer;

    WindowRestore(ReaderSettings settings, String topic, JsonMapper json, Duration timeout, Timer timer) {
        this.settings = settings;
        this.topic = topic;
        this.json = json;
        this.timeout = timeout;
        this.timer = timer;
    }

    /**
     * @throws IllegalStateException when the topic cannot be read to its end within the timeout (Kafka away): the
     *                               stage must not consume with an empty window
     */
    StoryStage.Restored restore(StoryStage stage) {
        long started = System.nanoTime();
        Records held = new Records();
        long read;
        try {
            read = settings.readToEnd(timeout, (records, done) -> records.forEach(held::take));
        } catch (RuntimeException e) {
            throw new IllegalStateException("story-service could not read its window back from " + topic + " within "
                    + timeout.toSeconds() + " s (newsradar.story.restore-timeout): " + e.getMessage()
                    + "; it does not consume before its window is restored", e);
        }
        StoryStage.Restored restored = stage.restore(held.assignments.values(), held.merges.values());
        long nanos = System.nanoTime() - started;
        timer.record(Duration.ofNanos(nanos));
        log.atInfo().addKeyValue("topic", topic).addKeyValue("records", read).addKeyValue("skipped", held.skipped)
                .addKeyValue("assignments", restored.assignments()).addKeyValue("merges", restored.merges())
                .addKeyValue("newestDay", restored.newestDay()).addKeyValue("seconds", nanos / 1e9)
                .log("story window restored from {}: {} articles in the window, {} merges", topic, restored.assignments(),
                        restored.merges());
        return restored;
    }

    /** The latest record of each key read so far. */
    private final class Records {
        final Map<String, StoryAssignment> assignments = new HashMap<>();
        final Map<String, StoryMerge> merges = new HashMap<>();
        LocalDate newest = LocalDate.EPOCH;
        int pruneAt = PRUNE_FROM;
        long skipped;

        void take(ConsumerRecord<String, byte[]> record) {
            String key = record.key();
            if (key == null) {
                skip(record, "a record without a key");
                return;
            }
            boolean merge = StoryMerge.isKey(key);
            if (record.value() == null) {
                (merge ? merges : assignments).remove(key);
                return;
            }
            try {
                if (merge) {
                    StoryMerge read = json.readValue(record.value(), StoryMerge.class);
                    if (read == null) {
                        skip(record, "the value is JSON null, not a StoryMerge");
                        return;
                    }
                    merges.put(key, read);
                } else {
                    StoryAssignment assignment = json.readValue(record.value(), StoryAssignment.class);
                    if (assignment == null) {
                        skip(record, "the value is JSON null, not a StoryAssignment");
                        return;
                    }
                    assignments.put(key, assignment);
                    if (assignment.dated() && assignment.day().isAfter(newest)) {
                        newest = assignment.day();
                    }
                    pruneIfLarge();
                }
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                skip(record, e.getMessage());
            }
        }

        private void pruneIfLarge() {
            if (assignments.size() < pruneAt) {
                return;
            }
            LocalDate cutoff = newest.minusDays(StoryClusterer.WINDOW_DAYS);
            assignments.values().removeIf(a -> a.day().isBefore(cutoff));
            pruneAt = Math.max(PRUNE_FROM, assignments.size() * 2);
        }

        private void skip(ConsumerRecord<String, byte[]> record, String why) {
            skipped++;
            log.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                    .addKeyValue("offset", record.offset()).addKeyValue("key", record.key())
                    .log("story window: skipped the record at {}-{}@{}: {}", record.topic(), record.partition(),
                            record.offset(), why);
        }
    }
}
