package io.newsradar.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topic taxonomy of {@code topics/topics.tsv} (topic, threshold, description). Each topic's phrases are the
 * classifier's ({@code topics/<topic>.tsv} in classify-service); adding a topic is adding a line here and that file.
 */
public final class Topics {

    private static final double MIN_THRESHOLD = 0.1;
    private static final double MAX_THRESHOLD = 100;

    private final Map<String, Topic> topics;

    private Topics(Map<String, Topic> topics) {
        this.topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    }

    public static Topics load(Path dataDir) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (DataFile.Line line : DataFile.read(dataDir, "topics/topics.tsv", 2, 3)) {
            String name = line.column(0);
            if (!name.matches("[a-z][a-z0-9_-]*")) {
                throw line.error("a topic name is lower-case letters, digits, '-' or '_', was '" + name + "'");
            }
            if (topics.putIfAbsent(name, new Topic(name, threshold(line), line.column(2))) != null) {
                throw line.error("the topic '" + name + "' is defined on an earlier line");
            }
        }
        return new Topics(topics);
    }

    /** The topics in the order of the file. */
    public List<Topic> all() {
        return new ArrayList<>(topics.values());
    }

    public Optional<Topic> topic(String name) {
        return Optional.ofNullable(topics.get(name));
    }

    private static double threshold(DataFile.Line line) {
        try {
            double value = Double.parseDouble(line.column(1));
            if (value < MIN_THRESHOLD || value > MAX_THRESHOLD) {
                throw line.error("column 2 must be between " + MIN_THRESHOLD + " and " + MAX_THRESHOLD + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw line.error("column 2 must be a number, was '" + line.column(1) + "'");
        }
    }
}
