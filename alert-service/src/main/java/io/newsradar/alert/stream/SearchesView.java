package io.newsradar.alert.stream;

import io.newsradar.alert.match.SearchIndex;
import io.newsradar.contracts.SavedSearch;
import io.newsradar.support.kafka.CompactedView;
import io.newsradar.support.kafka.ReaderSettings;
import io.newsradar.contracts.Topics;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saved searches of {@code news.searches}, followed with the shared compacted-topic reader and filed in the
 * {@link SearchIndex} as they come. A search whose filters cannot be read is left out with a log line naming it and
 * the filter; the rest go on.
 */
final class SearchesView implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchesView.class);

    private final CompactedView<SavedSearch> view;
    private final SearchIndex index;
    private final Duration timeout;

    SearchesView(String bootstrapServers, SearchIndex index, JsonMapper json, Duration timeout) {
        this.index = index;
        this.timeout = timeout;
        this.view = new CompactedView<>(ReaderSettings.of(Topics.SEARCHES, bootstrapServers, "alert-searches")
                .clientId("alert-service-view-" + Topics.SEARCHES)
                .unavailable("the saved searches are unavailable"), (key, bytes) -> file(json.readValue(bytes, SavedSearch.class)));
    }

    void start() {
        view.start();
    }

    private SavedSearch file(SavedSearch search) {
        try {
            index.put(search);
        } catch (IllegalArgumentException e) {
            log.atWarn().addKeyValue("searchId", search.searchId()).log("{}; the search is not matched until it is saved again",
                    e.getMessage());
        }
        return search;
    }

    /** The search of an id as the topic holds it now, or {@code null}. */
    SavedSearch current(String searchId) {
        return view.values().get(searchId);
    }

    /** The ids of the searches the topic holds now. */
    Set<String> ids() {
        return Set.copyOf(view.values().keySet());
    }

    /**
     * Waits until the topic has been read to its end, and drops from the index the searches removed since.
     *
     * @throws IllegalStateException when it has not been read within the timeout
     */
    void awaitReady() {
        try {
            if (!view.awaitCaughtUp(System.nanoTime() + timeout.toNanos())) {
                throw new IllegalStateException("the saved searches (" + Topics.SEARCHES + ") were not read within " + timeout
                        + "; the batch will be delivered again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the saved searches", e);
        }
        if (index.size() > view.values().size()) {
            index.retainOnly(view.values().keySet());
        }
    }

    @Override
    public void close() {
        view.close();
    }
}
