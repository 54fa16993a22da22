package io.newsradar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** A gateway told to believe its proxy's forwarded headers writes the feeds' paging links on the proxy's origin. */
@RunningGateway
@TestPropertySource(properties = {"server.forward-headers-strategy=framework"})
class FeedPagingBehindProxyIT {

    private static final Pattern HREF = Pattern.compile("<link rel=\"(self|first|next)\" type=\"application/atom\\+xml\" href=\"([^\"]*)\"");

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void index() throws Exception {
        IndexedArticles.index(List.of());
    }

    @Test
    void linksAreOnTheOriginTheProxyForwarded() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(GatewayClients.base(port) + "/feeds/v1/articles.atom?lang=vi&size=1"))
                .header("X-Api-Key", TestKeys.READER).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "news.example.org").header("X-Forwarded-Port", "443").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        Matcher links = HREF.matcher(response.body());
        int found = 0;
        while (links.find()) {
            assertThat(links.group(2)).as(links.group(1)).startsWith("https://news.example.org/feeds/v1/articles.atom?lang=vi&amp;size=1");
            found++;
        }
        assertThat(found).as("self and first, at least").isGreaterThanOrEqualTo(2);
    }
}
