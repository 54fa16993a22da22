package io.newsradar.support.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.newsradar.contracts.ArticleDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Installs the index template from {@code elasticsearch/news-articles-template.json} and, when the alias
 * {@link ArticleDocument#ALIAS} does not exist yet, its first index {@code news-articles-000001} as the write index.
 * When the alias exists, the template's fields are added to the indices behind it, so that a field added to the
 * template (such as {@code alsoIn}) is known to an index created before it; a change to an existing field's type is
 * refused by Elasticsearch and needs a reindex (docs/adr/0007).
 * Idempotent: running it against an installed cluster changes nothing but the template. index-service runs it at
 * start-up, before it consumes; tests of the services that read the index run it to get the same mappings.
 */
public class ArticleIndexInstaller {

    public static final String TEMPLATE_NAME = "news-articles";
    public static final String FIRST_INDEX = ArticleDocument.ALIAS + "-000001";
    private static final String TEMPLATE_RESOURCE = "/elasticsearch/news-articles-template.json";
    private static final Logger log = LoggerFactory.getLogger(ArticleIndexInstaller.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ElasticsearchClient client;

    public ArticleIndexInstaller(ElasticsearchClient client) {
        this.client = client;
    }

    public void install() throws IOException {
        try (InputStream template = ArticleIndexInstaller.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (template == null) {
                throw new IllegalStateException("the index template " + TEMPLATE_RESOURCE + " is missing from the classpath");
            }
            client.indices().putIndexTemplate(t -> t.name(TEMPLATE_NAME).withJson(template));
        }
        if (client.indices().existsAlias(a -> a.name(ArticleDocument.ALIAS)).value()) {
            addNewFields();
            return;
        }
        try {
            client.indices().create(c -> c.index(FIRST_INDEX)
                    .aliases(ArticleDocument.ALIAS, a -> a.isWriteIndex(true)));
            log.atInfo().addKeyValue("index", FIRST_INDEX).addKeyValue("alias", ArticleDocument.ALIAS).log("created the article index");
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private void addNewFields() throws IOException {
        JsonNode mappings;
        try (InputStream template = ArticleIndexInstaller.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            mappings = JSON.readTree(template).path("template").path("mappings");
        }
        try (InputStream body = new ByteArrayInputStream(JSON.writeValueAsBytes(mappings))) {
            client.indices().putMapping(m -> m.index(ArticleDocument.ALIAS).withJson(body));
        }
    }

    /** {@link #install()} for callers that cannot handle a checked exception. */
    public void installOrFail() {
        try {
            install();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the article index in Elasticsearch: " + e.getMessage(), e);
        }
    }
}
