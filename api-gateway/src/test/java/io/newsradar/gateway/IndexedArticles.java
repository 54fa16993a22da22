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
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Writes articles to the test Elasticsearch the way index-service does, with the production template. */
final class IndexedArticles {

    private IndexedArticles() {
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
