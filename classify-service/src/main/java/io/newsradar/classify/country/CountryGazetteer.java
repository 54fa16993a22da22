package io.newsradar.classify.country;

import io.newsradar.classify.lexicon.Meaning;
import io.newsradar.classify.lexicon.Term;
import io.newsradar.contracts.TextFolding;
import io.newsradar.reference.Countries;
import io.newsradar.reference.DataFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Country names in Vietnamese, English and French: the CLDR names the JDK carries ({@code Nhật Bản}, {@code Japon}),
 * the short forms, demonyms and blockers of {@code countries/aliases.tsv} and the capitals of
 * {@code countries/capitals.tsv}. An alias line for a CLDR name replaces it (to flag it); a blocker that is exactly a
 * CLDR name removes it.
 */
public final class CountryGazetteer {

    /** The languages whose CLDR names are loaded. */
    public static final List<String> LANGUAGES = List.of("vi", "en", "fr");

    private final List<Term> terms;

    private final Map<String, String> homes;

    private CountryGazetteer(List<Term> terms, Map<String, String> homes) {
        this.terms = List.copyOf(terms);
        this.homes = Map.copyOf(homes);
    }

    public static CountryGazetteer load(Path dataDir) {
        Map<String, Term> byKey = new LinkedHashMap<>();
        for (String code : Countries.iso().codes()) {
            Locale country = Countries.locale(code);
            for (String language : LANGUAGES) {
                String display = country.getDisplayCountry(Locale.forLanguageTag(language));
                for (String name : cldrForms(display, language)) {
                    if (name.isBlank() || name.equals(code)) {
                        continue;
                    }
                    Term term = new Term(name, language, new Meaning.CountryName(code, false), java.util.Set.of(),
                            "CLDR " + language + " " + code);
                    byKey.putIfAbsent(key(language, name, code), term);
                }
            }
        }
        List<Term> blockers = new ArrayList<>();
        for (DataFile.Line line : DataFile.read(dataDir, "countries/aliases.tsv", 3, 4)) {
            String code = line.column(0);
            String language = line.column(1);
            String name = line.column(2);
            if (code.equals("-")) {
                Term blocker = Term.of(line, language, name, new Meaning.Blocker(), line.column(3));
                if (!removeCldrName(byKey, language, name)) {
                    blockers.add(blocker);
                }
            } else {
                requireCountry(line, code);
                byKey.put(key(language, name, code), Term.of(line, language, name, new Meaning.CountryName(code, false), line.column(3)));
            }
        }
        for (DataFile.Line line : DataFile.read(dataDir, "countries/capitals.tsv", 3, 4)) {
            requireCountry(line, line.column(0));
            byKey.put(key(line.column(1), line.column(2), line.column(0) + "/capital"),
                    Term.of(line, line.column(1), line.column(2), new Meaning.CountryName(line.column(0), true), line.column(3)));
        }
        List<Term> terms = new ArrayList<>(byKey.values());
        terms.addAll(blockers);
        Map<String, String> homes = new LinkedHashMap<>();
        for (DataFile.Line line : DataFile.readIfPresent(dataDir, "countries/home.tsv", 2, 2).orElse(List.of())) {
            requireCountry(line, line.column(1));
            if (homes.putIfAbsent(line.column(0), line.column(1)) != null) {
                throw line.error("the language '" + line.column(0) + "' already has a home country");
            }
        }
        return new CountryGazetteer(terms, homes);
    }

    /**
     * The forms of a CLDR display name that articles write: as given, without its parenthesis ("Myanmar (Burma)"),
     * with a plain apostrophe, with the word for "and" instead of "&amp;", and with "Saint" for "St.".
     */
    static List<String> cldrForms(String display, String language) {
        List<String> forms = new ArrayList<>();
        forms.add(display);
        int paren = display.indexOf(" (");
        if (paren > 0 && display.endsWith(")")) {
            forms.add(display.substring(0, paren));
        }
        if (display.contains("’")) {
            forms.add(display.replace('’', '\''));
        }
        if (display.contains(" & ")) {
            forms.add(display.replace(" & ", switch (language) {
                case "vi" -> " và ";
                case "fr" -> " et ";
                default -> " and ";
            }));
        }
        if (display.startsWith("St. ")) {
            forms.add("Saint " + display.substring(4));
        }
        return forms;
    }

    /** The country whose own language each language is ({@code countries/home.tsv}: {@code vi → VN}). */
    public Map<String, String> homes() {
        return homes;
    }

    /** Country names, capitals and blockers, one term per phrase and language. */
    public List<Term> terms() {
        return terms;
    }

    private static boolean removeCldrName(Map<String, Term> byKey, String language, String name) {
        String folded = TextFolding.fold(name);
        return byKey.values().removeIf(t -> t.source().startsWith("CLDR ")
                && (language.equals("*") || t.language().equals(language))
                && TextFolding.fold(t.written()).equals(folded));
    }

    private static void requireCountry(DataFile.Line line, String code) {
        if (!Countries.iso().isKnown(code)) {
            throw line.error("'" + code + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    private static String key(String language, String name, String code) {
        return language + "\t" + TextFolding.fold(name) + "\t" + code;
    }
}
