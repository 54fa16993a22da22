package io.newsradar.classify.lexicon;

import io.newsradar.classify.text.FoldedArticle;
import io.newsradar.classify.text.Automaton;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.TextFolding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every phrase the classifier knows (names, blockers, topic phrases, context words) in one automaton, and the rules
 * that decide whether an occurrence counts: whole words, the capital and diacritic rules, the {@code person} flag,
 * the article's language, and leftmost-longest choice among overlapping phrases of the same layer.
 */
public final class Lexicon {

    /** A phrase found in one part of an article. {@code [start, end)} are offsets in the folded text. */
    public record Mention(Term term, FoldedArticle.Part part, int start, int end) {

        public Meaning meaning() {
            return term.meaning();
        }

        public Evidence.Field field() {
            return part.field();
        }

        /** The phrase as the article writes it. */
        public String phrase() {
            return part.originalText(start, end);
        }

        public Evidence evidence() {
            return new Evidence(phrase(), part.field(), part.originalIndex(start));
        }

        /** How much a mention here counts: the title three times the body, the lead twice. */
        public double fieldWeight() {
            return switch (part.field()) {
                case TITLE -> 3.0;
                case LEAD -> 2.0;
                case BODY -> 1.0;
            };
        }
    }

    /** A term with its matching rules worked out once. */
    private record Entry(Term term, boolean capital, boolean acronym, boolean plain, boolean boundaryStart, boolean boundaryEnd,
                         String letters) {

        static Entry of(Term term) {
            return new Entry(term, term.capitalised(), term.acronym(), term.plain(), term.boundaryAt(true), term.boundaryAt(false),
                    lettersOf(term.written(), 0, term.written().length()));
        }
    }

    private final Automaton<Entry> automaton;
    private final int terms;

    private Lexicon(Automaton<Entry> automaton, int terms) {
        this.automaton = automaton;
        this.terms = terms;
    }

    public static Lexicon of(Collection<Term> terms) {
        Map<String, List<Entry>> byKey = new LinkedHashMap<>();
        for (Term term : terms) {
            byKey.computeIfAbsent(TextFolding.fold(term.written()), k -> new ArrayList<>()).add(Entry.of(term));
        }
        return new Lexicon(Automaton.of(byKey), terms.size());
    }

    /** How many phrases it knows. */
    public int size() {
        return terms;
    }

    /** The mentions in one part of an article written in {@code language}, in text order. */
    public List<Mention> find(FoldedArticle.Part part, String language) {
        return find(part, language, false);
    }

    /**
     * The mentions in one part of an article written in {@code language}, in text order.
     *
     * @param marked whether the article writes its own diacritics (Vietnamese with its marks): then a phrase with
     *               diacritics matches only text with the same ones, and "Lao động" is not "Lào"
     */
    public List<Mention> find(FoldedArticle.Part part, String language, boolean marked) {
        if (part.isEmpty()) {
            return List.of();
        }
        Map<Meaning.Layer, List<Candidate>> byLayer = new EnumMap<>(Meaning.Layer.class);
        for (Automaton.Hit<Entry> hit : automaton.scan(part.folded())) {
            for (Entry entry : hit.values()) {
                String lang = entry.term().language();
                if ((lang.equals(language) || lang.equals("*")) && accepts(entry, part, hit.start(), hit.end(), marked)) {
                    List<Candidate> layer = byLayer.computeIfAbsent(entry.term().meaning().layer(), l -> new ArrayList<>());
                    addTo(layer, hit.start(), hit.end(), entry.term());
                }
            }
        }
        List<Mention> mentions = new ArrayList<>();
        byLayer.values().forEach(candidates -> resolve(candidates, part, mentions));
        dropNamesAfterHonorifics(mentions);
        mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(m -> -m.end()));
        return mentions;
    }

    /** The terms one span of text stands for. */
    private static final class Candidate {
        final int start;
        final int end;
        final List<Term> terms = new ArrayList<>(2);

        Candidate(int start, int end) {
            this.start = start;
            this.end = end;
        }
    }

    private static void addTo(List<Candidate> layer, int start, int end, Term term) {
        for (int i = layer.size() - 1; i >= 0 && layer.get(i).end == end; i--) {
            if (layer.get(i).start == start) {
                layer.get(i).terms.add(term);
                return;
            }
        }
        Candidate candidate = new Candidate(start, end);
        candidate.terms.add(term);
        layer.add(candidate);
    }

    /** Leftmost-longest: a span overlapping one chosen before it is dropped. A blocker silences the country names of its span. */
    private static void resolve(List<Candidate> candidates, FoldedArticle.Part part, List<Mention> out) {
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.start).thenComparingInt(c -> -c.end));
        int taken = -1;
        for (Candidate c : candidates) {
            if (c.start < taken) {
                continue;
            }
            taken = c.end;
            boolean blocked = c.terms.stream().anyMatch(t -> t.meaning() instanceof Meaning.Blocker);
            int first = out.size();
            for (Term term : c.terms) {
                Meaning meaning = term.meaning();
                if (meaning instanceof Meaning.Blocker || blocked && meaning instanceof Meaning.CountryName
                        || meantAlready(out, first, meaning)) {
                    continue; // spellings that fold alike ("Grand Est", "Grand-Est") are one mention
                }
                out.add(new Mention(term, part, c.start, c.end));
            }
        }
    }

    /** Whether a mention added since {@code first} (this span's) already means this. */
    private static boolean meantAlready(List<Mention> out, int first, Meaning meaning) {
        for (int i = first; i < out.size(); i++) {
            if (out.get(i).meaning().equals(meaning)) {
                return true;
            }
        }
        return false;
    }

    /** "chị Nga", "anh Đức", "Mr Jordan": a name flagged {@code person} right after an honorific is a person. */
    private static void dropNamesAfterHonorifics(List<Mention> mentions) {
        List<Mention> honorifics = mentions.stream().filter(m -> m.meaning() instanceof Meaning.ContextWord w
                && w.kind() == Meaning.Context.HONORIFIC).toList();
        if (!honorifics.isEmpty()) {
            mentions.removeIf(m -> m.term().has(Term.Flag.PERSON) && honorifics.stream()
                    .anyMatch(h -> h.end() < m.start() && m.start() - h.end() <= 2 && m.part().folded().substring(h.end(), m.start()).isBlank()));
        }
    }

    private static boolean accepts(Entry entry, FoldedArticle.Part part, int start, int end, boolean marked) {
        String folded = part.folded();
        if (entry.boundaryStart() && start > 0 && Character.isLetterOrDigit(folded.charAt(start - 1))) {
            return false;
        }
        if (entry.boundaryEnd() && end < folded.length() && Character.isLetterOrDigit(folded.charAt(end))) {
            return false;
        }
        if (entry.capital() && !Character.isUpperCase(part.originalChar(start))) {
            return false;
        }
        boolean textHasDiacritics = false;
        for (int i = start; i < end; i++) {
            char c = part.originalChar(i);
            if (entry.acronym() && Character.isLowerCase(c)) {
                return false;
            }
            textHasDiacritics |= c >= 0x80 && Character.isLetter(c) && TextFolding.foldChar(c) != Character.toLowerCase(c);
        }
        // Text without diacritics matches any spelling, unless the article writes its diacritics elsewhere; text with
        // them matches only the phrase's own ("tặng" is not "tăng").
        if ((textHasDiacritics || marked && !entry.plain()) && (entry.plain() || !sameLetters(entry.letters(), part, start, end))) {
            return false;
        }
        return !entry.term().has(Term.Flag.PERSON) || !nextToCapitalisedWord(part, start, end);
    }

    /** The letters and digits of a phrase, lower case: what must be equal when text keeps its diacritics. */
    private static String lettersOf(String text, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Whether the text's letters and digits in {@code [start, end)}, lower case, are {@code letters}. */
    private static boolean sameLetters(String letters, FoldedArticle.Part part, int start, int end) {
        String original = part.original();
        int to = end >= part.folded().length() ? original.length() : part.originalIndex(end);
        int j = 0;
        for (int i = part.originalIndex(start); i < to; i++) {
            char c = original.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (j == letters.length() || Character.toLowerCase(c) != letters.charAt(j++)) {
                    return false;
                }
            }
        }
        return j == letters.length();
    }

    /** Whether the word right before or right after the span (one space away) starts with a capital. */
    private static boolean nextToCapitalisedWord(FoldedArticle.Part part, int start, int end) {
        String folded = part.folded();
        int before = start - 1;
        if (before > 0 && folded.charAt(before) == ' ' && Character.isLetter(folded.charAt(before - 1))) {
            int wordStart = before - 1;
            while (wordStart > 0 && Character.isLetter(folded.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (Character.isUpperCase(part.originalChar(wordStart))) {
                return true;
            }
        }
        int after = end;
        return after + 1 < folded.length() && folded.charAt(after) == ' ' && Character.isLetter(folded.charAt(after + 1))
                && Character.isUpperCase(part.originalChar(after + 1));
    }
}
