package io.newsradar.classify.topic;

import io.newsradar.classify.lexicon.Lexicon;
import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.TopicTag;
import io.newsradar.reference.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores each topic from its phrases in the story. A phrase counts its lexicon weight times its part's weight
 * (title 3, lead 2, body 1); each repetition of the same phrase counts half the one before, so one word said ten
 * times does not make a topic while several different phrases do. A topic applies when the sum reaches its
 * threshold and rests on two different phrases, or on one phrase whose own weight reaches the threshold (a phrase
 * that settles it: "ODA", "thực tập sinh"): one word in a headline is not a story about the topic. Its score is
 * {@code sum / (sum + threshold)}: 0.5 at the threshold.
 */
public final class TopicTagger {

    private static final int MAX_EVIDENCE = 6;

    private final List<Topic> topics;

    public TopicTagger(TopicLexicon lexicon) {
        this.topics = lexicon.topics();
    }

    /** The topics the story covers, highest score first. */
    public List<TopicTag> tag(List<Lexicon.Mention> mentions) {
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, List<Lexicon.Mention>> evidence = new HashMap<>();
        Map<String, Integer> repeats = new HashMap<>();
        Map<String, Integer> distinct = new HashMap<>();
        Map<String, Double> strongest = new HashMap<>();
        List<Lexicon.Mention> ordered = new ArrayList<>(mentions);
        // Strongest parts first, so a phrase's first (full) count is its best-placed one.
        ordered.sort(Comparator.comparing(Lexicon.Mention::field).thenComparingInt(Lexicon.Mention::start));
        for (Lexicon.Mention m : ordered) {
            if (!(m.meaning() instanceof Meaning.TopicPhrase p)) {
                continue;
            }
            String phraseKey = p.topic() + "\t" + m.part().folded().substring(m.start(), m.end());
            int seen = repeats.merge(phraseKey, 1, Integer::sum) - 1;
            if (seen == 0) {
                distinct.merge(p.topic(), 1, Integer::sum);
            }
            strongest.merge(p.topic(), p.weight(), Math::max);
            double w = p.weight() * m.fieldWeight() / (1 << Math.min(seen, 20));
            sums.merge(p.topic(), w, Double::sum);
            evidence.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(m);
        }
        List<TopicTag> tags = new ArrayList<>();
        for (Topic topic : topics) {
            double sum = sums.getOrDefault(topic.name(), 0.0);
            boolean substantive = distinct.getOrDefault(topic.name(), 0) >= 2
                    || strongest.getOrDefault(topic.name(), 0.0) >= topic.threshold();
            if (sum >= topic.threshold() && substantive) {
                double score = Math.round(sum / (sum + topic.threshold()) * 1000) / 1000.0;
                tags.add(new TopicTag(topic.name(), score, evidence(evidence.get(topic.name()))));
            }
        }
        tags.sort(Comparator.comparingDouble(TopicTag::score).reversed().thenComparing(TopicTag::topic));
        return tags;
    }

    /** The strongest phrases first (weight times part weight), each phrase once per part. */
    private static List<Evidence> evidence(List<Lexicon.Mention> mentions) {
        List<Lexicon.Mention> strongest = new ArrayList<>(mentions);
        strongest.sort(Comparator.comparingDouble((Lexicon.Mention m) -> -((Meaning.TopicPhrase) m.meaning()).weight() * m.fieldWeight())
                .thenComparing(Lexicon.Mention::field).thenComparingInt(Lexicon.Mention::start));
        List<Evidence> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Lexicon.Mention m : strongest) {
            String key = m.field() + m.phrase().toLowerCase(java.util.Locale.ROOT);
            if (out.size() < MAX_EVIDENCE && !seen.contains(key)) {
                out.add(m.evidence());
                seen.add(key);
            }
        }
        return out;
    }
}
