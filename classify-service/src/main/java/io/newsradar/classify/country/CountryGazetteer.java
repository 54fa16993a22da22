package io.newsradar.classify.country;

import io.newsradar.classify.text.PhraseMatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Country names in Vietnamese, English and French: the CLDR names the JDK carries ({@code Nhật Bản}, {@code Japon}),
 * plus the short forms and demonyms of {@code classify/country-aliases.tsv} ({@code Nhật}, {@code japonais}). Names
 * that are also ordinary words ({@code Chad}, {@code Jordan}, {@code Georgia}, {@code Turkey}) are left to the alias
 * file's judgement: a line {@code -\tname} removes a name.
 */
public final class CountryGazetteer {

    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH, Locale.FRENCH);
    private static final String ALIASES = "/classify/country-aliases.tsv";

    private final PhraseMatcher<String> matcher;
    private final int size;

    private CountryGazetteer(Map<String, String> names) {
        this.matcher = PhraseMatcher.of(names);
        this.size = names.size();
    }

    /** The gazetteer built from the JDK's names and the bundled alias file. */
    public static CountryGazetteer load() {
        Map<String, String> names = new HashMap<>();
        Set<String> removed = new HashSet<>();
        readAliases(names, removed);
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale.Builder().setRegion(code).build();
            for (Locale language : LANGUAGES) {
                String name = country.getDisplayCountry(language);
                if (!name.isBlank() && !name.equals(code) && !removed.contains(name.toLowerCase(Locale.ROOT))) {
                    names.putIfAbsent(name, code);
                }
            }
        }
        return new CountryGazetteer(names);
    }

    public PhraseMatcher<String> matcher() {
        return matcher;
    }

    /** How many names it knows. */
    public int size() {
        return size;
    }

    private static void readAliases(Map<String, String> names, Set<String> removed) {
        try (InputStream in = CountryGazetteer.class.getResourceAsStream(ALIASES)) {
            if (in == null) {
                throw new IllegalStateException("the country alias file " + ALIASES + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2 || !(columns[0].equals("-") || columns[0].matches("[A-Z]{2}"))) {
                    throw new IllegalStateException(ALIASES + " line " + lineNumber
                            + ": expected 'CODE<TAB>name' or '-<TAB>name', found '" + line + "'");
                }
                if (columns[0].equals("-")) {
                    removed.add(columns[1].trim().toLowerCase(Locale.ROOT));
                } else {
                    names.put(columns[1].trim(), columns[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ALIASES, e);
        }
    }
}
