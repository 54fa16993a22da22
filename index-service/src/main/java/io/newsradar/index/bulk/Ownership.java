package io.newsradar.index.bulk;

import io.newsradar.contracts.ArticleDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may change an article (docs/adr/0017). The feed that published it first owns it: the document's
 * {@code feedId}. A revision changes the words only when it comes from the owner or from a feed on the article's own
 * site, and is not older than the words indexed; any other feed that carries the article is recorded in
 * {@code alsoIn}, and the words stay. Deciding again on the same stored state gives the same write, so a redelivery
 * changes nothing.
 */
final class Ownership {

    /**
     * What is stored of an article, as far as ownership goes, its story fields ({@code null} when it has no story),
     * and the sequence number and term it was read at. A document with no {@code feedId} holds only a story: its
     * assignment came before the article.
     */
    record Stored(String feedId, String source, List<String> alsoIn, Instant ingestedAt, StoryFields story, long seqNo,
                  long primaryTerm) {

        Stored {
            alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
        }

        Stored(String feedId, String source, List<String> alsoIn, Instant ingestedAt, long seqNo, long primaryTerm) {
            this(feedId, source, alsoIn, ingestedAt, null, seqNo, primaryTerm);
        }

        /** Whether only the article's story is stored, not the article. */
        boolean storyOnly() {
            return feedId == null;
        }
    }

    /** The write a revision calls for. */
    sealed interface Write {
    }

    /** The article is new: create it, or conflict if another write created it meanwhile. */
    record Create(ArticleDocument document) implements Write {
    }

    /**
     * New words from a feed that may change them, in place of the stored document as read (keeping its story), or the
     * article itself in place of a document that held only its story.
     */
    record Replace(ArticleDocument document, Stored read) implements Write {
    }

    /** The words stay; the feed is recorded as a further source. */
    record AddSource(String articleId, List<String> alsoIn, Stored read) implements Write {
    }

    /** Nothing to write: an older revision, or a feed already recorded. */
    record Unchanged() implements Write {
    }

    private Ownership() {
    }

    static Write decide(Revision revision, Stored stored) {
        ArticleDocument incoming = revision.document();
        if (stored == null) {
            return new Create(incoming.withSources(incoming.feedId(), incoming.source(), List.of()));
        }
        if (stored.storyOnly()) {
            return new Replace(incoming.withSources(incoming.feedId(), incoming.source(), List.of()), stored);
        }
        boolean owner = incoming.feedId().equals(stored.feedId());
        List<String> alsoIn = stored.alsoIn();
        if (!owner && !alsoIn.contains(incoming.feedId())) {
            alsoIn = new ArrayList<>(alsoIn);
            alsoIn.add(incoming.feedId());
        }
        boolean mayChangeWords = owner || revision.sameSite();
        boolean notOlder = stored.ingestedAt() == null || !incoming.ingestedAt().isBefore(stored.ingestedAt());
        if (mayChangeWords && notOlder) {
            return new Replace(incoming.withSources(stored.feedId(), stored.source(), alsoIn), stored);
        }
        if (!alsoIn.equals(stored.alsoIn())) {
            return new AddSource(incoming.articleId(), alsoIn, stored);
        }
        return new Unchanged();
    }
}
