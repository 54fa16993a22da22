package io.newsradar.classify.topic;

import io.newsradar.classify.lexicon.Lexicon;
import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.model.Features;
import io.newsradar.classify.model.LogisticModel;
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
 * times does not make a topic while several different phrases do.
 *
 * <p>The decision is the fitted model's where {@code model/weights.tsv} has one for the topic ({@code topic.NAME}):
 * its probability over {@link #SCHEMA} is the tag's score, and the topic applies from 0.5. Without one the hand rule
 * decides: the topic applies when the sum reaches its threshold and rests on two different phrases, or on one phrase
 * whose own weight reaches the threshold (a phrase that settles it: "ODA", "thực tập sinh"), and its score is
 * {@code sum / (sum + threshold)}, 0.5 at the threshold. The hand rule's verdict is itself one of the model's features.
 */
public final class TopicTagger {

    /**
     * What a topic decision reads, each sum over the topic's threshold: {@code rule} (1 when the hand rule applies
     * it), {@code sum} (log of 1 + the weighted sum), {@code title}, {@code lead}, {@code body} (log of 1 + the
     * phrase weights in that part), {@code distinct} (log of 1 + different phrases), {@code strongest} (the strongest
     * phrase's own weight), {@code share} (the topic's part of every topic's sum) and {@code rivals} (how many other
     * topics the hand rule applies).
     */
    public static final Features.Schema SCHEMA = new Features.Schema(
            List.of("rule", "sum", "title", "lead", "body", "distinct", "strongest", "share", "rivals"));

    /** The prefix of the topic decisions' names in the weights file. */
    public static final String MODEL_PREFIX = "topic.";

    private static final int MAX_EVIDENCE = 6;

    private final List<Topic> topics;
    private final Map<String, LogisticModel> models;

    public TopicTagger(TopicLexicon lexicon) {
        this(lexicon, Map.of());
    }

    /** With the fitted decision of each topic that has one ({@code topic.NAME} → model). */
    public TopicTagger(TopicLexicon lexicon, Map<String, LogisticModel> models) {
        this.topics = lexicon.topics();
        this.models = Map.copyOf(models);
    }

    /** What the story says of one topic. */
    private static final class Tally {
        double sum;
        double title;
        double lead;
        double body;
        int distinct;
        double strongest;
        final List<Lexicon.Mention> evidence = new ArrayList<>();
    }

    /** The topics the story covers, highest score first. */
    public List<TopicTag> tag(List<Lexicon.Mention> mentions) {
        Map<String, Tally> tallies = tally(mentions);
        Map<String, Features> features = features(tallies);
        List<TopicTag> tags = new ArrayList<>();
        for (Topic topic : topics) {
            Tally t = tallies.get(topic.name());
            if (t == null) {
                continue;
            }
            LogisticModel model = models.get(MODEL_PREFIX + topic.name());
            double score;
            if (model != null) {
                score = model.probability(features.get(topic.name()));
                if (score < 0.5) {
                    continue;
                }
            } else if (rule(topic, t)) {
                score = t.sum / (t.sum + topic.threshold());
            } else {
                continue;
            }
            tags.add(new TopicTag(topic.name(), Math.round(score * 1000) / 1000.0, evidence(t.evidence)));
        }
        tags.sort(Comparator.comparingDouble(TopicTag::score).reversed().thenComparing(TopicTag::topic));
        return tags;
    }

    /** The features of every topic of the taxonomy, mentioned or not, in its order: what the fit learns from. */
    public Map<String, Features> features(List<Lexicon.Mention> mentions) {
        return features(tally(mentions));
    }

    private Map<String, Features> features(Map<String, Tally> tallies) {
        double total = 0;
        int applied = 0;
        for (Topic topic : topics) {
            Tally t = tallies.get(topic.name());
            if (t != null) {
                total += t.sum;
                applied += rule(topic, t) ? 1 : 0;
            }
        }
        Map<String, Features> out = new LinkedHashMap<>();
        for (Topic topic : topics) {
            Tally t = tallies.get(topic.name());
            Features.Builder f = SCHEMA.builder();
            if (t != null) {
                double th = topic.threshold();
                boolean rule = rule(topic, t);
                f.set("rule", rule ? 1 : 0)
                        .set("sum", Math.log1p(t.sum / th))
                        .set("title", Math.log1p(t.title / th))
                        .set("lead", Math.log1p(t.lead / th))
                        .set("body", Math.log1p(t.body / th))
                        .set("distinct", Math.log1p(t.distinct))
                        .set("strongest", t.strongest / th)
                        .set("share", total == 0 ? 0 : t.sum / total)
                        .set("rivals", applied - (rule ? 1 : 0));
            }
            out.put(topic.name(), f.build());
        }
        return out;
    }

    private static boolean rule(Topic topic, Tally t) {
        return t.sum >= topic.threshold() && (t.distinct >= 2 || t.strongest >= topic.threshold());
    }

    private static Map<String, Tally> tally(List<Lexicon.Mention> mentions) {
        Map<String, Tally> tallies = new HashMap<>();
        Map<String, Integer> repeats = new HashMap<>();
        List<Lexicon.Mention> ordered = new ArrayList<>(mentions);
        // Strongest parts first, so a phrase's first (full) count is its best-placed one.
        ordered.sort(Comparator.comparing(Lexicon.Mention::field).thenComparingInt(Lexicon.Mention::start));
        for (Lexicon.Mention m : ordered) {
            if (!(m.meaning() instanceof Meaning.TopicPhrase p)) {
                continue;
            }
            Tally t = tallies.computeIfAbsent(p.topic(), k -> new Tally());
            String phraseKey = p.topic() + "\t" + m.part().folded().substring(m.start(), m.end());
            int seen = repeats.merge(phraseKey, 1, Integer::sum) - 1;
            if (seen == 0) {
                t.distinct++;
            }
            t.strongest = Math.max(t.strongest, p.weight());
            double repeated = p.weight() / (1 << Math.min(seen, 20));
            t.sum += repeated * m.fieldWeight();
            switch (m.field()) {
                case TITLE -> t.title += repeated;
                case LEAD -> t.lead += repeated;
                default -> t.body += repeated;
            }
            t.evidence.add(m);
        }
        return tallies;
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
