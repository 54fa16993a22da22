package io.newsradar.classify.lexicon;

import io.newsradar.reference.Region;

/** What a phrase of the data files stands for. */
public sealed interface Meaning {

    /** A name of a country: {@code capital} when it is the name of its capital city, weaker evidence. */
    record CountryName(String code, boolean capital) implements Meaning {
        @Override
        public Layer layer() {
            return Layer.NAME;
        }
    }

    /** A name of a first-level subdivision. */
    record RegionName(Region region) implements Meaning {
        @Override
        public Layer layer() {
            return Layer.NAME;
        }
    }

    /** A phrase that contains a name but names nothing: it wins over the names inside it. */
    record Blocker() implements Meaning {
        @Override
        public Layer layer() {
            return Layer.NAME;
        }
    }

    /** A phrase of a topic's lexicon, with its weight. */
    record TopicPhrase(String topic, double weight) implements Meaning {
        @Override
        public Layer layer() {
            return Layer.TOPIC;
        }
    }

    /** A word that changes what the names next to it mean. */
    record ContextWord(Context kind) implements Meaning {
        @Override
        public Layer layer() {
            return Layer.CONTEXT;
        }
    }

    /** The kinds of context words. */
    enum Context { VENUE, MULTILATERAL, HONORIFIC }

    /** Names, blockers and region designations compete for the same words; topics and context words are read apart. */
    enum Layer { NAME, TOPIC, CONTEXT }

    /** The layer the phrase competes in. */
    Layer layer();
}
