package io.newsradar.gateway;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.newsradar.contracts.ArticleDocument;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.support.elasticsearch.ArticleIndexInstaller;
import io.newsradar.testsupport.TestServers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Writes articles to the test Elasticsearch the way index-service does, with the production template. */
final class IndexedArticles {

    private IndexedArticles() {
    }

    /**
     * Writes story fields into documents as index-service does (partial updates, creating a document of the story
     * alone where there is none yet), by document id, then refreshes.
     */
    static void stories(Map<String, Map<String, Object>> fieldsById) throws IOException {
        var transport = new RestClientTransport(RestClient.builder(HttpHost.create(TestServers.elasticsearch().url())).build(),
                new Jackson3JsonpMapper(JsonMapper.builder().build()));
        try (transport) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
            fieldsById.forEach((id, fields) -> bulk.operations(op -> op.update(u -> u.index(ArticleDocument.ALIAS).id(id)
                    .action(a -> a.doc(fields).docAsUpsert(true)))));
            if (client.bulk(bulk.build()).errors()) {
                throw new IllegalStateException("Elasticsearch refused some test story fields");
            }
        }
    }

    /** Installs the template and alias if needed, then indexes the articles and refreshes. */
    static void index(List<ClassifiedArticle> articles) throws IOException {
        var transport = new RestClientTransport(RestClient.builder(HttpHost.create(TestServers.elasticsearch().url())).build(),
                new Jackson3JsonpMapper(JsonMapper.builder().build()));
        try (transport) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            new ArticleIndexInstaller(client).install();
            if (articles.isEmpty()) {
                return;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
            for (ClassifiedArticle a : articles) {
                ArticleDocument doc = ArticleDocument.of(a);
                bulk.operations(op -> op.index(i -> i.index(ArticleDocument.ALIAS).id(doc.articleId()).document(doc)));
            }
            if (client.bulk(bulk.build()).errors()) {
                throw new IllegalStateException("Elasticsearch refused some test articles");
            }
        }
    }
}
