package io.newsradar.ingest.schedule;

import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import tools.jackson.core.JacksonException;

/** What a failure to publish one item means: refused for itself, Kafka away, or the JVM in trouble. */
final class PublishFailures {

    private PublishFailures() {
    }

    /**
     * Whether Kafka, or the serializer before it, refused this one record (too large, invalid, not serializable), as
     * opposed to being unreachable: a refused item is left out and the feed goes on; an outage stops the poll, which
     * is retried with the document fetched again.
     */
    static boolean refusedForItself(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof InterruptException) {
                return false;
            }
            if (t instanceof ApiException || t instanceof JacksonException || t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Errors after which nothing in this JVM can be trusted to go on; the scheduler records them as the poll's failure. */
    static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }
}
