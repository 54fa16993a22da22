package io.newsradar.gateway.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.search.ArticleSearch;
import io.newsradar.gateway.search.KnownCodes;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    /** This gateway's own reading of the classified articles; it never waits for Kafka to start. */
    @Bean(destroyMethod = "close")
    LiveArticles liveArticles(GatewayProperties properties, JsonMapper mapper) {
        GatewayProperties.Live live = properties.live();
        LiveArticles articles = new LiveArticles(properties.kafka().bootstrapServers(), live.horizon(), live.recentArticles(),
                mapper, Clock.systemUTC());
        articles.start();
        return articles;
    }

    @Bean
    LiveStreams liveStreams(LiveArticles articles, ArticleSearch search, GatewayProperties properties, KnownCodes codes,
            JsonMapper mapper, MeterRegistry meters) {
        GatewayProperties.Live live = properties.live();
        MissedArticles missed = new MissedArticles(search, articles.recent(), mapper, live.horizon(), live.maxResume(), Clock.systemUTC());
        return new LiveStreams(articles, missed, live, codes, mapper, Clock.systemUTC(), meters);
    }
}
