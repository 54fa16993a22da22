package io.newsradar.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.gateway.security.AccessPolicy.Need;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
            "GET,     /,                                NOTHING",
            "HEAD,    /index.html,                      NOTHING",
            "GET,     /app.js,                          NOTHING",
            "GET,     /actuator/health/readiness,       NOTHING",
            "GET,     /actuator/prometheus,             NOTHING",
            "GET,     /v3/api-docs,                     NOTHING",
            "GET,     /webjars/swagger-ui/index.html,   NOTHING",
            "GET,     /api/v1/articles,                 READER",
            "GET,     /api/v1/codes,                    READER",
            "HEAD,    /api/v1/stream,                   READER",
            "GET,     /feeds/v1/articles.atom,          READER",
            "GET,     /api/v1/feeds,                    READER",
            "OPTIONS, /api/v1/feeds,                    READER",
            "OPTIONS, /index.html,                      READER",
            "GET,     /API/v1/articles,                 READER",
            "GET,     /INDEX.HTML,                      READER",
            "GET,     /actuator/health/elasticsearch,   READER",
            "GET,     /actuator/info,                   READER",
            "GET,     /webjars/swagger-ui,              READER",
            "GET,     /webjars/other/index.html,        READER",
            "GET,     /a/route/added/later,             READER",
            "POST,    /api/v1/feeds,                    ADMIN",
            "PUT,     /api/v1/feeds/x,                  ADMIN",
            "DELETE,  /api/v1/feeds/x,                  ADMIN",
            "POST,    /api/v1/searches,                 READER",
            "PUT,     /api/v1/searches/s1,              READER",
            "DELETE,  /api/v1/searches/s1,              READER",
            "GET,     /api/v1/searches/s1/feed.atom,    READER",
            "POST,    /api/v1/searches/s1,              ADMIN",
            "PUT,     /api/v1/searches,                 ADMIN",
            "DELETE,  /api/v1/searches/s1/stream,       ADMIN",
            "PATCH,   /api/v1/searches/s1,              ADMIN",
            "POST,    /API/v1/searches,                 ADMIN",
            "POST,    /api/v1/searchesx,                ADMIN",
            "PATCH,   /api/v1/articles,                 ADMIN",
            "POST,    /index.html,                      ADMIN",
            "POST,    /actuator/health,                 ADMIN",
            "TRACE,   /,                                ADMIN",
    })
    void deniesByDefaultAndNeedsAnAdminForEveryWrite(String method, String path, Need need) {
        List<String> segments = path.equals("/") ? List.of() : Arrays.asList(path.substring(1).split("/"));

        assertThat(AccessPolicy.need(HttpMethod.valueOf(method), path, segments)).isEqualTo(need);
    }

    @org.junit.jupiter.api.Test
    void anUnknownMethodNeedsAnAdmin() {
        assertThat(AccessPolicy.need(HttpMethod.valueOf("PROPFIND"), "/api/v1/articles", List.of("api", "v1", "articles")))
                .isEqualTo(Need.ADMIN);
    }
}
