package io.newsradar.classify.topic;

import io.newsradar.classify.lexicon.DataFile;
import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.lexicon.Term;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The topic taxonomy of {@code topics/topics.tsv} and each topic's weighted phrases ({@code topics/<topic>.tsv}).
 * Adding a topic is adding a line and a file; no code changes.
 */
public final class TopicLexicon {

    /** A topic and the evidence it needs: the weighted sum of its phrases at which it applies. */
    public record Topic(String name, double threshold, String description) {
    }

    /** Weights are between these. */
    static final double MIN_WEIGHT = 0.1;
    static final double MAX_WEIGHT = 5.0;

    private final List<Topic> topics;
    private final List<Term> terms;

    private TopicLexicon(List<Topic> topics, List<Term> terms) {
        this.topics = List.copyOf(topics);
        this.terms = List.copyOf(terms);
    }

    public static TopicLexicon load(Path dataDir) {
        List<Topic> topics = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        for (DataFile.Line line : DataFile.read(dataDir, "topics/topics.tsv", 2, 3)) {
            String name = line.column(0);
            if (!name.matches("[a-z][a-z0-9_-]*")) {
                throw line.error("a topic name is lower-case letters, digits, '-' or '_', was '" + name + "'");
            }
            double threshold = number(line, 1, 0.1, 100);
            topics.add(new Topic(name, threshold, line.column(2)));
            for (DataFile.Line phrase : DataFile.read(dataDir, "topics/" + name + ".tsv", 3, 4)) {
                double weight = number(phrase, 1, MIN_WEIGHT, MAX_WEIGHT);
                terms.add(Term.of(phrase, phrase.column(0), phrase.column(2), new Meaning.TopicPhrase(name, weight), phrase.column(3)));
            }
        }
        return new TopicLexicon(topics, terms);
    }

    public List<Topic> topics() {
        return topics;
    }

    public List<Term> terms() {
        return terms;
    }

    private static double number(DataFile.Line line, int column, double min, double max) {
        try {
            double value = Double.parseDouble(line.column(column));
            if (value < min || value > max) {
                throw line.error("column " + (column + 1) + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw line.error("column " + (column + 1) + " must be a number, was '" + line.column(column) + "'");
        }
    }
}
