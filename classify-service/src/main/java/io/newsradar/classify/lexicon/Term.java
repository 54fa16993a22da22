package io.newsradar.classify.lexicon;

import io.newsradar.classify.text.Automaton;

import io.newsradar.contracts.TextFolding;
import io.newsradar.reference.DataFile;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A phrase of the data files, what it means, and how it may match (see docs/classifier.md, "How a name matches").
 *
 * @param written   the phrase as the data file writes it
 * @param language  {@code vi}, {@code en}, {@code fr}, or {@code *} for every language
 * @param meaning   what it stands for
 * @param flags     the data file's flags
 * @param source    the file and line it came from
 */
public record Term(String written, String language, Meaning meaning, Set<Flag> flags, String source) {

    /** The flags a data file may set on a phrase. */
    public enum Flag {
        /** Also a given name or surname: ignored next to a capitalised word. */
        PERSON,
        /** Weaker evidence: counts half. */
        WEAK,
        /** Ambiguous alone: counts only when its country is named in another way. */
        NEEDS_COUNTRY;

        static Flag parse(String text, DataFile.Line line) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "person" -> PERSON;
                case "weak" -> WEAK;
                case "needs-country" -> NEEDS_COUNTRY;
                default -> throw line.error("unknown flag '" + text + "' (known: person, weak, needs-country)");
            };
        }
    }

    public Term {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    /** A term read from a data file line: the language and flags columns checked. */
    public static Term of(DataFile.Line line, String language, String written, Meaning meaning, String flagsColumn) {
        if (!language.equals("*") && !language.matches("[a-z]{2,3}")) {
            throw line.error("the language must be a code such as vi, en, fr, or * for all languages; was '" + language + "'");
        }
        if (TextFolding.fold(written).isBlank()) {
            throw line.error("the phrase is empty");
        }
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (!flagsColumn.isBlank()) {
            for (String flag : flagsColumn.split(",")) {
                flags.add(Flag.parse(flag, line));
            }
        }
        return new Term(written, language, meaning, flags, line.file() + ":" + line.number());
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** Written with a capital first letter: matches only text with that capital. */
    public boolean capitalised() {
        return Character.isUpperCase(written.codePointAt(0));
    }

    /** Written in capitals only (an acronym: {@code ODA}, {@code US}): matches only text in capitals. */
    public boolean acronym() {
        int letters = 0;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    /** Written without diacritics: matches only text without them. */
    public boolean plain() {
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= 0x80 && Character.isLetter(c) && TextFolding.foldChar(c) != Character.toLowerCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the phrase must stand between word boundaries at this end (not for scripts written without spaces). */
    public boolean boundaryAt(boolean start) {
        return Automaton.spaced(start ? written.charAt(0) : written.charAt(written.length() - 1));
    }
}
