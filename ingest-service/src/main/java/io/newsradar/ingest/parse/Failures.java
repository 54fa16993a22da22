package io.newsradar.ingest.parse;

import io.newsradar.ingest.system.Deadline;
import java.net.URI;

/** Error messages shared by the readers: what went wrong, and with which document. */
final class Failures {

    private Failures() {
    }

    static FeedParseException doctypeRefused(URI source, Throwable cause) {
        return new FeedParseException(source + " declares a DOCTYPE, which is refused: a feed needs none, and its"
                + " entities could expand without bound or read local files", cause);
    }

    static FeedParseException timedOut(URI source, Deadline deadline, Throwable cause) {
        return new FeedParseException(source + " was not parsed within its time bound of "
                + deadline.bound().toMillis() + " ms; parse abandoned", cause);
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost cause's message, which is where XML parsers say what is wrong. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
