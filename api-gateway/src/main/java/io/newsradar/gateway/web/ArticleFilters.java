package io.newsradar.gateway.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route that takes the article filters ({@code pair}, {@code country}, {@code region}, {@code topic},
 * {@code lang}, {@code source}, {@code feed}, {@code story}, {@code from}, {@code to}, {@code q}, {@code minConfidence}), so that the OpenAPI
 * description lists them once for every such route ({@link OpenApiConfiguration}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ArticleFilters {

    /** Whether the route takes {@code story} (the live stream does not: it streams articles before their story is known). */
    boolean story() default true;
}
