package io.newsradar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksTheUserinfoPasswordAndKeepsTheUser() {
        assertThat(Redaction.mask("fetch https://reader:s3cret@news.example/feed.xml failed"))
                .isEqualTo("fetch https://reader:***@news.example/feed.xml failed");
        assertThat(Redaction.mask("http://token@news.example/")).isEqualTo("http://***@news.example/");
    }

    @Test
    void masksSecretQueryParametersInAnySpelling() {
        assertThat(Redaction.mask("/api/v1/articles?q=x&api_key=abc123&lang=vi"))
                .isEqualTo("/api/v1/articles?q=x&api_key=***&lang=vi");
        assertThat(Redaction.mask("/feeds/v1/articles.atom?API_KEY=abc")).isEqualTo("/feeds/v1/articles.atom?API_KEY=***");
        assertThat(Redaction.mask("https://x.example/rss?token=t0k#top")).isEqualTo("https://x.example/rss?token=***#top");
    }

    @Test
    void leavesTextWithoutSecretsAlone() {
        assertThat(Redaction.mask("mail editor@news.example about /api/v1/articles?keyword=x"))
                .isEqualTo("mail editor@news.example about /api/v1/articles?keyword=x");
        assertThat(Redaction.mask(null)).isNull();
    }
}
