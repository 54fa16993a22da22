package io.newsradar.classify;

import io.newsradar.classify.country.CountryGazetteer;
import io.newsradar.classify.country.CountryTagger;
import io.newsradar.classify.lexicon.ContextWords;
import io.newsradar.classify.lexicon.Lexicon;
import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.lexicon.NameMention;
import io.newsradar.classify.lexicon.Term;
import io.newsradar.classify.model.Features;
import io.newsradar.classify.model.LogisticModel;
import io.newsradar.classify.model.ModelFile;
import io.newsradar.classify.pair.PairPicker;
import io.newsradar.classify.region.RegionGazetteer;
import io.newsradar.classify.region.RegionTagger;
import io.newsradar.classify.text.FoldedArticle;
import io.newsradar.classify.text.StoryFinder;
import io.newsradar.classify.topic.TopicLexicon;
import io.newsradar.classify.topic.TopicTagger;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.LanguageGuess;
import io.newsradar.contracts.RawArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tags a story with the countries acting in it, its country pair, the regions acting in it and its topics, each with
 * a score and its evidence. Plain Java, immutable and thread-safe once loaded: used by the stream binding, the
 * command line and the evaluation. Everything it knows comes from the data files described in docs/classifier.md.
 */
public final class Classifier {

    /** The version of the rules; data read from a directory of its own adds {@code +data}. */
    public static final String VERSION = "1.1.0";

    private final String version;
    private final Lexicon lexicon;
    private final RegionGazetteer regions;
    private final StoryFinder pages;
    private final CountryTagger countryTagger = new CountryTagger();
    private final RegionTagger regionTagger;
    private final PairPicker pairPicker;
    private final TopicTagger topicTagger;
    private final Clock clock;
    /** The country each language is the home language of ({@code vi} → {@code VN}). */
    private final Map<String, String> homes;

    private Classifier(String version, Lexicon lexicon, RegionGazetteer regions, TopicLexicon topics,
                       Map<String, LogisticModel> topicModels, LogisticModel pairModel, LogisticModel regionModel,
                       StoryFinder pages, Clock clock, Map<String, String> homes) {
        this.pairPicker = new PairPicker(pairModel);
        this.regionTagger = new RegionTagger(regionModel);
        this.homes = Map.copyOf(homes);
        this.version = version;
        this.lexicon = lexicon;
        this.regions = regions;
        this.topicTagger = new TopicTagger(topics, topicModels);
        this.pages = pages;
        this.clock = clock;
    }

    /**
     * Loads the data files from {@code dataDir} where it has them, else from the classpath.
     *
     * @throws IllegalStateException naming the file and line of the first malformed entry
     */
    public static Classifier load(Path dataDir, Clock clock) {
        CountryGazetteer countries = CountryGazetteer.load(dataDir);
        RegionGazetteer regions = RegionGazetteer.load(dataDir);
        TopicLexicon topics = TopicLexicon.load(dataDir);
        List<Term> terms = new ArrayList<>(countries.terms());
        terms.addAll(regions.terms());
        terms.addAll(topics.terms());
        terms.addAll(ContextWords.load(dataDir));
        Map<String, LogisticModel> topicModels = new HashMap<>();
        Optional<ModelFile> weights = ModelFile.loadIfPresent(dataDir);
        weights.ifPresent(file -> topics.topics().forEach(topic -> {
            String name = TopicTagger.MODEL_PREFIX + topic.name();
            if (file.models().containsKey(name)) {
                topicModels.put(name, file.model(name, TopicTagger.SCHEMA));
            }
        }));
        LogisticModel pairModel = weights.filter(file -> file.models().containsKey(PairPicker.MODEL))
                .map(file -> file.model(PairPicker.MODEL, PairPicker.SCHEMA)).orElse(null);
        LogisticModel regionModel = weights.filter(file -> file.models().containsKey(RegionTagger.MODEL))
                .map(file -> file.model(RegionTagger.MODEL, RegionTagger.SCHEMA)).orElse(null);
        return new Classifier(dataDir == null ? VERSION : VERSION + "+data", Lexicon.of(terms), regions, topics,
                topicModels, pairModel, regionModel, StoryFinder.load(dataDir), clock, countries.homes());
    }

    /** A classifier with the bundled data and the system clock. */
    public static Classifier withDefaults() {
        return load(null, Clock.systemUTC());
    }

    public String version() {
        return version;
    }

    /**
     * An article from the stream, tagged. Ingest extracted its story and, for events that say so
     * ({@code languageFrom}), decided its language: both are taken as they are, and the language is guessed only for
     * an event that carries no decision.
     */
    public ClassifiedArticle classify(RawArticle article) {
        FoldedArticle text = FoldedArticle.of(article.title(), article.lead(), article.body());
        String language = article.languageDecided() ? LanguageGuess.supportedOrUnknown(article.language())
                : guess(text, article.language());
        Classification c = tag(text, language);
        return new ClassifiedArticle(ClassifiedArticle.SCHEMA_VERSION, article, c.version(), clock.instant(),
                c.language(), c.pair(), c.countries(), c.regions(), c.topics());
    }

    /** A whole page's text, as a scraper saves it: the story is found in it first. */
    public Classification classifyPage(String page, String languageHint) {
        StoryFinder.Story story = pages.split(page == null ? "" : page);
        return classify(story.title(), story.lead(), story.body(), languageHint);
    }

    /** A structured story; any part may be empty. Its language is told from its text, the hint breaking ties. */
    public Classification classify(String title, String lead, String body, String languageHint) {
        FoldedArticle text = FoldedArticle.of(title, lead, body);
        return tag(text, guess(text, languageHint));
    }

    private static String guess(FoldedArticle text, String hint) {
        return LanguageGuess.ofStory(text.title().original(), text.lead().original(), text.body().original(), hint);
    }

    /**
     * What the fitted decisions read of a text: every topic's features, the pair's candidate ({@code null} when
     * fewer than two countries act) and every region named.
     */
    public record Decisions(Map<String, Features> topics, PairPicker.Candidate pair, List<RegionTagger.Candidate> regions) {
    }

    /**
     * The decisions' features for a text, read as {@link #classifyPage} or {@link #classify(String, String, String,
     * String)} would read it ({@code page} non-null for a whole page): what {@code fit} learns from. {@code null} for a
     * language the classifier does not read.
     */
    public Decisions decisions(String page, String title, String lead, String body, String languageHint) {
        FoldedArticle text;
        if (page != null) {
            StoryFinder.Story story = pages.split(page);
            text = FoldedArticle.of(story.title(), story.lead(), story.body());
        } else {
            text = FoldedArticle.of(title, lead, body);
        }
        String language = guess(text, languageHint);
        if (!LanguageGuess.SUPPORTED.contains(language)) {
            return null;
        }
        Scan scan = scan(text, language);
        Set<String> acting = new HashSet<>();
        countryTagger.tag(scan.tallies(), scan.minMass()).forEach(c -> acting.add(c.code()));
        return new Decisions(topicTagger.features(scan.topicMentions()),
                pairPicker.candidate(scan.tallies(), scan.names(), scan.multilateralInHead(), scan.minMass(), homes.get(language)),
                regionTagger.candidates(scan.names(), acting));
    }

    /** What the lexicon found in a text, tallied. */
    private record Scan(List<NameMention> names, List<Lexicon.Mention> topicMentions, int multilateralInHead,
                        List<CountryTagger.Tally> tallies, double minMass) {
    }

    private Scan scan(FoldedArticle text, String language) {
        boolean marked = language.equals("vi") && text.marked();
        List<NameMention> names = new ArrayList<>();
        List<Lexicon.Mention> topicMentions = new ArrayList<>();
        int multilateralInHead = 0;
        for (FoldedArticle.Part part : text.parts()) {
            List<Lexicon.Mention> mentions = lexicon.find(part, language, marked);
            names.addAll(NameMention.read(mentions, regions.affixes()));
            for (Lexicon.Mention m : mentions) {
                if (m.meaning() instanceof Meaning.TopicPhrase) {
                    topicMentions.add(m);
                } else if (m.meaning() instanceof Meaning.ContextWord w && w.kind() == Meaning.Context.MULTILATERAL
                        && part.field() != Evidence.Field.BODY) {
                    multilateralInHead++;
                }
            }
        }
        List<CountryTagger.Tally> tallies = countryTagger.tally(names, homes.get(language));
        double minMass = multilateralInHead > 0 ? CountryTagger.MIN_MASS_MULTILATERAL : CountryTagger.MIN_MASS;
        return new Scan(names, topicMentions, multilateralInHead, tallies, minMass);
    }

    private Classification tag(FoldedArticle text, String language) {
        if (!LanguageGuess.SUPPORTED.contains(language)) {
            return Classification.none(version, language);
        }
        Scan scan = scan(text, language);
        List<CountryTag> countries = countryTagger.tag(scan.tallies(), scan.minMass());
        Set<String> acting = new HashSet<>();
        countries.forEach(c -> acting.add(c.code()));
        return new Classification(version, language,
                pairPicker.pick(scan.tallies(), scan.names(), scan.multilateralInHead(), scan.minMass(), homes.get(language)),
                countries, regionTagger.tag(scan.names(), acting), topicTagger.tag(scan.topicMentions()));
    }
}
