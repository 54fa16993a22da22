package io.newsradar.gateway.web;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.WebFilter;

/**
 * The newsroom page: {@code static/index.html} and its files, served at {@code /} without a key (Spring Boot's welcome
 * page; the page's own API calls carry the key). Its answers get a Content-Security-Policy that allows only this
 * origin's scripts, styles, images and connections, and no inline script or style, so that an article's text can
 * never run as code; and {@code no-cache}, so a new version of the page is picked up at the next load. The page is
 * recognised by its {@linkplain RoutedPath routed path}, so {@code /%69ndex.html} gets the same headers as
 * {@code /index.html}.
 */
@Configuration(proxyBeanMethods = false)
public class NewsroomPage {

    /** The page's files, at the root of {@code static/}. */
    static final Set<String> PATHS = Set.of("/", "/index.html", "/app.js", "/article.js", "/chart.js", "/download.js", "/app.css", "/favicon.svg");

    /** Whether a {@linkplain RoutedPath routed path} is the page or one of its files, however the client spelt it. */
    public static boolean serves(String routedPath) {
        return routedPath != null && PATHS.contains(routedPath);
    }

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");

    @Bean
    WebFilter newsroomPageHeaders() {
        return (exchange, chain) -> {
            if (serves(RoutedPath.of(exchange).value())) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.setCacheControl("no-cache");
            }
            return chain.filter(exchange);
        };
    }
}
