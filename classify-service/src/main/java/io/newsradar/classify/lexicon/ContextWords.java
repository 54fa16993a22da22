package io.newsradar.classify.lexicon;

import io.newsradar.reference.DataFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The context words of {@code context.tsv}: venue prepositions, multilateral forums and honorifics. */
public final class ContextWords {

    private ContextWords() {
    }

    public static List<Term> load(Path dataDir) {
        List<Term> terms = new ArrayList<>();
        for (DataFile.Line line : DataFile.read(dataDir, "context.tsv", 3, 3)) {
            Meaning.Context kind;
            try {
                kind = Meaning.Context.valueOf(line.column(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw line.error("the kind must be venue, multilateral or honorific, was '" + line.column(1) + "'");
            }
            terms.add(Term.of(line, line.column(0), line.column(2), new Meaning.ContextWord(kind), ""));
        }
        return terms;
    }
}
