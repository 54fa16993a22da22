package io.newsradar.testsupport;

/** An Elasticsearch cluster a test talks to over HTTP. */
public interface ElasticsearchServer {

    /** Base URL of the HTTP API, such as {@code http://127.0.0.1:41234}. */
    String url();

    /** Where to look when something goes wrong: the node's log, or the container's name. */
    String diagnostics();
}
