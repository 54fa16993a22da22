package io.newsradar.gateway.searches;

import io.newsradar.contracts.Redaction;
import io.newsradar.contracts.SavedSearch;
import io.newsradar.contracts.Topics;
import io.newsradar.gateway.compacted.CompactedTopics;
import io.newsradar.gateway.security.ApiKeys;
import io.newsradar.support.kafka.CompactedView;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saved searches ({@code news.searches}) as the gateway keeps them for their owners. Each search belongs to the
 * API key that saved it: that key, or an admin key, sees and changes it; to any other key it is absent. Writes return
 * once Kafka acknowledged them and this gateway has read them back; reads first catch up with the topic
 * ({@link CompactedTopics}). Every method blocks: call it off the event loop.
 */
public final class SavedSearches implements AutoCloseable {

    /** The wire format: exactly what alert-service reads. */
    static final JsonMapper WIRE = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(SavedSearches.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A search written, and whether the answer may show its webhook's secret (made by this write). */
    public record Saved(SavedSearch search, boolean secretIsNew) {

        SavedSearchView view() {
            return SavedSearchView.of(search, secretIsNew);
        }
    }

    private final CompactedTopics topics;
    private final CompactedView<SavedSearch> searches;
    private final Clock clock;

    SavedSearches(CompactedTopics topics, CompactedView<SavedSearch> searches, Clock clock) {
        this.topics = topics;
        this.searches = searches;
        this.clock = clock;
    }

    void start() {
        searches.start();
    }

    /** The key's own searches, or every search for an admin key, oldest first. */
    public List<SavedSearch> list(ApiKeys.Key key) {
        topics.catchUp(searches);
        return searches.values().values().stream()
                .filter(search -> visible(search, key))
                .sorted(Comparator.comparing(SavedSearch::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(SavedSearch::searchId))
                .toList();
    }

    /** The search, if it is this key's (or the key is an admin's). */
    public Optional<SavedSearch> find(String searchId, ApiKeys.Key key) {
        topics.catchUp(searches);
        return Optional.ofNullable(searches.values().get(searchId)).filter(search -> visible(search, key));
    }

    /** Saves a new search, owned by the key, with a new id and, if it has a webhook, a new secret. */
    public Saved create(SavedSearchRequest request, ApiKeys.Key key) {
        Instant now = clock.instant();
        SavedSearch search = search(randomId(), request, key.name(), webhook(request, null), now, now);
        write(search);
        log.atInfo().addKeyValue("searchId", search.searchId()).addKeyValue("owner", search.owner()).log("saved search created");
        return new Saved(search, search.webhook() != null);
    }

    /**
     * Replaces the search's name, query, webhook and flag, keeping its owner, creation time and (unless asked to
     * rotate it) its webhook's secret; empty when the key may not see it.
     */
    public Optional<Saved> replace(String searchId, SavedSearchRequest request, ApiKeys.Key key) {
        Optional<SavedSearch> found = find(searchId, key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SavedSearch old = found.get();
        SavedSearch.Webhook webhook = webhook(request, old.webhook());
        SavedSearch search = search(searchId, request, old.owner(), webhook, old.createdAt(), clock.instant());
        write(search);
        boolean secretIsNew = webhook != null && (old.webhook() == null || !webhook.secret().equals(old.webhook().secret()));
        log.atInfo().addKeyValue("searchId", searchId).addKeyValue("owner", old.owner()).addKeyValue("by", key.name())
                .addKeyValue("secretRotated", secretIsNew).log("saved search replaced");
        return Optional.of(new Saved(search, secretIsNew));
    }

    /** Writes a tombstone for the search; false when the key may not see it. */
    public boolean delete(String searchId, ApiKeys.Key key) {
        Optional<SavedSearch> found = find(searchId, key);
        if (found.isEmpty()) {
            return false;
        }
        topics.write(searches, List.of(new ProducerRecord<>(Topics.SEARCHES, searchId, null)));
        log.atInfo().addKeyValue("searchId", searchId).addKeyValue("owner", found.get().owner()).addKeyValue("by", key.name())
                .log("saved search removed");
        return true;
    }

    /** Saved searches as the view holds them now (for the gauge: no waiting). */
    int size() {
        return searches.values().size();
    }

    private void write(SavedSearch search) {
        topics.write(searches, List.of(new ProducerRecord<>(Topics.SEARCHES, search.searchId(), WIRE.writeValueAsBytes(search))));
    }

    private static SavedSearch search(String searchId, SavedSearchRequest request, String owner, SavedSearch.Webhook webhook,
            Instant createdAt, Instant updatedAt) {
        return new SavedSearch(SavedSearch.SCHEMA_VERSION, searchId, request.name(), owner, request.query(), webhook, request.enabled(),
                createdAt, updatedAt);
    }

    /** The webhook asked for: the old one's secret kept, a new one made for a new webhook or when asked to rotate it. */
    private static SavedSearch.Webhook webhook(SavedSearchRequest request, SavedSearch.Webhook old) {
        SavedSearchRequest.Webhook asked = request.webhook();
        if (asked == null) {
            return null;
        }
        String secret = old == null || request.rotateSecret() ? secret() : old.secret();
        if (old != null && !old.url().equals(asked.url())) {
            log.atInfo().addKeyValue("url", Redaction.mask(asked.url())).log("saved search webhook moved");
        }
        return new SavedSearch.Webhook(asked.url(), secret, asked.batch(), asked.window());
    }

    private static boolean visible(SavedSearch search, ApiKeys.Key key) {
        return key.role() == ApiKeys.Role.ADMIN || search.owner().equals(key.name());
    }

    /** 32 random bytes, URL-safe base64: the HMAC-SHA256 key of the deliveries' signatures. */
    static String secret() {
        return base64(32);
    }

    private static String randomId() {
        return base64(12);
    }

    private static String base64(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        searches.close();
        topics.close();
    }
}
