package io.newsradar.classify.topic;

import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.lexicon.Term;
import io.newsradar.reference.DataFile;
import io.newsradar.reference.Topic;
import io.newsradar.reference.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The topic taxonomy of reference-data ({@link Topics}, {@code topics/topics.tsv}) and each topic's weighted phrases
 * ({@code topics/<topic>.tsv}, here). Adding a topic is adding a line and a file; no code changes.
 */
public final class TopicLexicon {

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
        List<Topic> topics = Topics.load(dataDir).all();
        List<Term> terms = new ArrayList<>();
        for (Topic topic : topics) {
            String name = topic.name();
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
