package io.newsradar.ingest.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishedArticlesTest {

    @Test
    void remembersIdsPerFeed() {
        PublishedArticles published = new PublishedArticles(10);

        published.add("vi", "a");

        assertThat(published.contains("vi", "a")).isTrue();
        assertThat(published.contains("fr", "a")).isFalse();
    }

    @Test
    void forgetsTheOldestIdBeyondTheBound() {
        PublishedArticles published = new PublishedArticles(2);

        published.add("vi", "a");
        published.add("vi", "b");
        published.add("vi", "a");
        published.add("vi", "c");

        assertThat(published.contains("vi", "b")).isFalse();
        assertThat(published.contains("vi", "a")).isTrue();
        assertThat(published.contains("vi", "c")).isTrue();
        assertThat(published.size("vi")).isEqualTo(2);
    }
}
