package io.newsradar.index.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.contracts.StoryAssignment;
import io.newsradar.contracts.StoryMerge;
import io.newsradar.index.bulk.ArticleBulkWriter;
import io.newsradar.index.bulk.StoryFields;
import io.newsradar.support.kafka.DeadLetterWriter;
import io.newsradar.support.kafka.DeliveryAttempts;
import io.newsradar.support.kafka.RecordSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one batch of {@code news.stories} records into the articles' documents, in the order they came: each
 * {@link StoryAssignment} sets its article's story fields (the story followed through the merges already seen), each
 * {@link StoryMerge} moves the articles of {@code from} to {@code into}. What cannot be read, or what Elasticsearch
 * refuses for its content, goes to the dead-letter topic; when Elasticsearch cannot take the batch now, the exception
 * propagates and the batch is delivered again (offsets are not committed). A tombstone (no value) is skipped: the
 * stage compacts its topic, and an article's story is never taken away.
 */
class StoryBatchIndexer {

    private record Pending(StoryAssignment assignment, int position) {
    }

    private final JsonMapper json;
    private final ArticleBulkWriter writer;
    private final DeadLetterWriter deadLetters;
    private final DeliveryAttempts attempts;
    private final Counter deadLettered;
    private final Counter merges;

    StoryBatchIndexer(JsonMapper json, ArticleBulkWriter writer, DeadLetterWriter deadLetters, DeliveryAttempts attempts,
            MeterRegistry meters) {
        this.json = json;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.deadLettered = Counter.builder("newsradar.index.dead.letters").description("Records sent to news.articles.dlq").register(meters);
        this.merges = Counter.builder("newsradar.index.story.merges").description("Story merges applied to the index").register(meters);
    }

    /**
     * @param records the records' values, a tombstone as {@code null}
     * @param sources where each was read, with its key, index for index
     */
    void index(List<byte[]> records, List<RecordSource> sources) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byte[] record = records.get(i);
            if (record == null) {
                continue;
            }
            Object event = read(record, sources.get(i));
            if (event instanceof StoryAssignment assignment) {
                pending.remove(assignment.articleId());
                pending.put(assignment.articleId(), new Pending(assignment, i));
            } else if (event instanceof StoryMerge merge) {
                flush(pending, records, sources);
                try {
                    writer.moveStory(merge.from(), merge.into());
                    merges.increment();
                } catch (IllegalStateException refused) {
                    deadLetter(sources.get(i), record, "elasticsearch-refused", refused.getMessage());
                }
            }
        }
        flush(pending, records, sources);
        attempts.delivered(sources);
    }

    private void flush(Map<String, Pending> pending, List<byte[]> records, List<RecordSource> sources) {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> storyIds = pending.values().stream().map(p -> p.assignment().storyId()).collect(Collectors.toSet());
        Map<String, String> current = writer.currentStories(storyIds);
        List<ArticleBulkWriter.StoryWrite> writes = new ArrayList<>(pending.size());
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (Pending p : pending.values()) {
            StoryAssignment a = p.assignment();
            writes.add(ArticleBulkWriter.StoryWrite.assign(a.articleId(), StoryFields.of(a, current.get(a.storyId()))));
            positions.put(a.articleId(), p.position());
        }
        for (ArticleBulkWriter.RejectedStory rejected : writer.writeStories(writes)) {
            String id = rejected.write().articleId();
            int i = positions.get(id);
            RecordSource source = sources.get(i);
            deadLetter(new RecordSource(source.topic(), source.partition(), source.offset(), id.getBytes(StandardCharsets.UTF_8)),
                    records.get(i), "elasticsearch-refused",
                    "Elasticsearch refused the story of article " + id + " (" + rejected.status() + "): " + rejected.reason());
        }
        // A merge applied by another instance between the markers' read and these writes has listed its articles
        // before they were written: read the markers again (after the writes) and move what it missed.
        Map<String, String> after = writer.currentStories(storyIds);
        List<ArticleBulkWriter.StoryWrite> missed = new ArrayList<>();
        for (Pending p : pending.values()) {
            String story = p.assignment().storyId();
            if (!after.get(story).equals(current.get(story))) {
                missed.add(ArticleBulkWriter.StoryWrite.move(p.assignment().articleId(), after.get(story)));
            }
        }
        if (!missed.isEmpty()) {
            writer.writeStories(missed);
        }
        pending.clear();
    }

    /** The record as an assignment or a merge (a merge holds {@code into}), or {@code null} once dead-lettered. */
    private Object read(byte[] record, RecordSource source) {
        String what = "index-service could not read a StoryAssignment or StoryMerge";
        try {
            JsonNode tree = json.readTree(record);
            if (tree == null || !tree.isObject()) {
                deadLetter(source, record, "not-an-object", what + ": the record is not a JSON object");
                return null;
            }
            return tree.has("into") ? json.treeToValue(tree, StoryMerge.class) : json.treeToValue(tree, StoryAssignment.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            deadLetter(source, record, e.getClass().getName(),
                    what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return null;
        }
    }

    private void deadLetter(RecordSource source, byte[] record, String errorClass, String error) {
        deadLetters.write(source, record, errorClass, error, attempts.current(source));
        deadLettered.increment();
    }
}
