package io.newsradar.reference;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The countries: every ISO 3166-1 alpha-2 code the JDK's CLDR data holds, with its English name. The classifier finds
 * their names in every language in the same data ({@link Locale#getDisplayCountry(Locale)}).
 */
public final class Countries {

    private static final Countries ISO = new Countries(new TreeSet<>(List.of(Locale.getISOCountries())));

    private final Set<String> codes;

    private Countries(Set<String> codes) {
        this.codes = Collections.unmodifiableSet(codes);
    }

    public static Countries iso() {
        return ISO;
    }

    /** The codes, sorted. */
    public Set<String> codes() {
        return codes;
    }

    public boolean isKnown(String code) {
        return codes.contains(code);
    }

    /** The English name ({@code JP} → Japan), when the code is known. */
    public Optional<String> name(String code) {
        return isKnown(code) ? Optional.of(locale(code).getDisplayCountry(Locale.ENGLISH)) : Optional.empty();
    }

    /** The country as a locale, for its name in any language. */
    public static Locale locale(String code) {
        return new Locale.Builder().setRegion(code).build();
    }
}
