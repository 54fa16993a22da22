package io.newsradar.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ways a client can spell one path: those that route to the same place (the first letter of each segment
 * percent-encoded, one segment at a time, and every letter at once), those that
 * name another path (upper case), and those that could be read two ways and must be refused (matrix parameters,
 * {@code //}, dot segments, encoded separators, NUL, a trailing slash, double encoding).
 */
final class PathSpellings {

    /** What a spelling is to the router. */
    enum Kind { SAME, OTHER, AMBIGUOUS }

    /** One spelling of a path, named for the report. */
    record Spelling(String name, String raw, Kind kind) {
    }

    /** The kinds of spelling {@link #sample} keeps, by the start of their names. */
    private static final List<String> SAMPLED = List.of("as routed", "encoded letter", "upper case", ";x=1", "leading //", "%2F", "/");

    private PathSpellings() {
    }

    static List<Spelling> of(String path) {
        List<String> segments = path.equals("/") ? List.of() : Arrays.asList(path.substring(1).split("/", -1));
        List<Spelling> spellings = new ArrayList<>();
        spellings.add(new Spelling("as routed", path, Kind.SAME));
        if (segments.isEmpty()) {
            rootSpellings(spellings);
            return spellings;
        }
        encodedLetters(segments, spellings);
        String upper = path.toUpperCase(Locale.ROOT);
        if (!upper.equals(path)) {
            spellings.add(new Spelling("upper case", upper, Kind.OTHER));
        }
        for (int i = 0; i < segments.size(); i++) {
            List<String> withParameter = new ArrayList<>(segments);
            withParameter.set(i, segments.get(i) + ";x=1");
            spellings.add(new Spelling(";x=1 on segment " + (i + 1), join(withParameter), Kind.AMBIGUOUS));
        }
        spellings.add(new Spelling("bare ; at the end", path + ";", Kind.AMBIGUOUS));
        spellings.add(new Spelling("leading //", "/" + path, Kind.AMBIGUOUS));
        spellings.add(new Spelling("// before the last segment", insertBeforeLast(segments, ""), Kind.AMBIGUOUS));
        spellings.add(new Spelling("leading /./", "/." + path, Kind.AMBIGUOUS));
        spellings.add(new Spelling("/./ before the last segment", insertBeforeLast(segments, "."), Kind.AMBIGUOUS));
        spellings.add(new Spelling("leading /x/../", "/x" + "/.." + path, Kind.AMBIGUOUS));
        spellings.add(new Spelling("leading /%2e/", "/%2e" + path, Kind.AMBIGUOUS));
        spellings.add(new Spelling("trailing /", path + "/", Kind.AMBIGUOUS));
        spellings.add(new Spelling("NUL at the end", path + "%00", Kind.AMBIGUOUS));
        spellings.add(new Spelling("double-encoded first letter", "/" + doubleEncodeFirst(segments.get(0)) + path.substring(1 + segments.get(0).length()),
                Kind.AMBIGUOUS));
        if (segments.size() > 1) {
            String last = segments.get(segments.size() - 1);
            String head = path.substring(0, path.length() - last.length() - 1);
            spellings.add(new Spelling("%2F for the last /", head + "%2F" + last, Kind.AMBIGUOUS));
            spellings.add(new Spelling("%2f for the last /", head + "%2f" + last, Kind.AMBIGUOUS));
            spellings.add(new Spelling("%5C for the last /", head + "%5C" + last, Kind.AMBIGUOUS));
        }
        return spellings;
    }

    /** One spelling of each kind of trick: for the methods a route is tried with besides its own. */
    static List<Spelling> sample(List<Spelling> spellings) {
        List<Spelling> sample = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (Spelling spelling : spellings) {
            String kind = spelling.name().replaceAll("'.' encoded in segment \\d+", "encoded letter").replaceAll("segment \\d+", "segment");
            if (kinds.add(kind) && SAMPLED.stream().anyMatch(kind::startsWith)) {
                sample.add(spelling);
            }
        }
        return sample;
    }

    private static void rootSpellings(List<Spelling> spellings) {
        spellings.add(new Spelling("/;x=1", "/;x=1", Kind.AMBIGUOUS));
        spellings.add(new Spelling("//", "//", Kind.AMBIGUOUS));
        spellings.add(new Spelling("/./", "/./", Kind.AMBIGUOUS));
        spellings.add(new Spelling("/%2e", "/%2e", Kind.AMBIGUOUS));
        spellings.add(new Spelling("/%2F", "/%2F", Kind.AMBIGUOUS));
        spellings.add(new Spelling("/%00", "/%00", Kind.AMBIGUOUS));
    }

    private static void encodedLetters(List<String> segments, List<Spelling> spellings) {
        for (int s = 0; s < segments.size(); s++) {
            String segment = segments.get(s);
            int i = firstLetter(segment);
            if (i >= 0) {
                List<String> spelt = new ArrayList<>(segments);
                spelt.set(s, segment.substring(0, i) + "%%%02x".formatted((int) segment.charAt(i)) + segment.substring(i + 1));
                spellings.add(new Spelling("'" + segment.charAt(i) + "' encoded in segment " + (s + 1), join(spelt), Kind.SAME));
            }
        }
        List<String> all = segments.stream().map(PathSpellings::encodeEveryLetter).toList();
        spellings.add(new Spelling("every letter encoded, upper-case hex", join(all), Kind.SAME));
    }

    /** The index of the first ASCII letter of a segment, -1 if none. */
    private static int firstLetter(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String encodeEveryLetter(String segment) {
        StringBuilder out = new StringBuilder();
        segment.chars().forEach(c -> out.append(Character.isLetter(c) && c < 128 ? "%%%02X".formatted(c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static String doubleEncodeFirst(String segment) {
        return segment.isEmpty() ? "%2561" : "%25" + "%02x".formatted((int) segment.charAt(0)) + segment.substring(1);
    }

    private static String insertBeforeLast(List<String> segments, String inserted) {
        List<String> spelt = new ArrayList<>(segments);
        spelt.add(spelt.size() - 1, inserted);
        return join(spelt);
    }

    private static String join(List<String> segments) {
        return "/" + String.join("/", segments);
    }
}
