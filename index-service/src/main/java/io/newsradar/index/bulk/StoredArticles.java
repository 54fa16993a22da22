package io.newsradar.index.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.newsradar.contracts.ArticleDocument;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads, in one request, the ownership of the articles a batch is about to write ({@link Ownership.Stored}). */
final class StoredArticles {

    /** The fields of a stored document that ownership needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String feedId, String source, List<String> alsoIn, Instant ingestedAt, String story, Double storyScore,
                  String storyMatchedArticleId, List<String> storySharedNames, List<String> storySharedNumbers,
                  Instant storyAssignedAt) {

        /** An article with no story yet. */
        Source(String feedId, String source, List<String> alsoIn, Instant ingestedAt) {
            this(feedId, source, alsoIn, ingestedAt, null, null, null, null, null, null);
        }

        StoryFields storyFields() {
            return story == null ? null
                    : new StoryFields(story, storyScore, storyMatchedArticleId, storySharedNames, storySharedNumbers, storyAssignedAt);
        }
    }

    private static final List<String> FIELDS = List.of("feedId", "source", "alsoIn", "ingestedAt", "story", "storyScore",
            "storyMatchedArticleId", "storySharedNames", "storySharedNumbers", "storyAssignedAt");

    private final ElasticsearchClient client;

    StoredArticles(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * @return the stored state of each article that exists, by id
     * @throws RetryableWriteException when Elasticsearch cannot answer now
     */
    Map<String, Ownership.Stored> read(List<String> ids) {
        MgetResponse<Source> response;
        try {
            response = client.mget(m -> m.index(ArticleDocument.ALIAS).ids(ids).sourceIncludes(FIELDS), Source.class);
        } catch (IOException | ElasticsearchException e) {
            throw new RetryableWriteException("Elasticsearch could not read the articles about to be written: " + e.getMessage(), e);
        }
        Map<String, Ownership.Stored> stored = new HashMap<>();
        for (MultiGetResponseItem<Source> item : response.docs()) {
            if (item.isFailure()) {
                throw new RetryableWriteException("Elasticsearch could not read article " + item.failure().id() + ": "
                        + item.failure().error().reason(), null);
            }
            GetResult<Source> result = item.result();
            if (result.found() && result.source() != null && result.seqNo() != null && result.primaryTerm() != null) {
                Source s = result.source();
                stored.put(result.id(), new Ownership.Stored(s.feedId(), s.source(), s.alsoIn(), s.ingestedAt(),
                        s.storyFields(), result.seqNo(), result.primaryTerm()));
            }
        }
        return stored;
    }
}
