package io.newsradar.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.AbstractUrlHandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import reactor.core.publisher.Mono;

/**
 * Every route a running gateway has, read from its context: the annotated handler methods of every request-mapping
 * handler mapping (the API's controllers, actuator's endpoints, springdoc's), every router function (the welcome page),
 * and every file every resource handler serves. A path variable is given a sample value.
 */
final class GatewayRoutes {

    /** One method on one concrete path; {@code page} when the answer is the newsroom page or one of its files. */
    record Route(HttpMethod method, String path, boolean page) {
    }

    private static final String SAMPLE = "x1";
    /** Where the newsroom page's files are. */
    private static final String PAGE_LOCATION = "static/";
    /** Files tried of each resource location but the page's (springdoc's UI has dozens, all alike to the gateway). */
    private static final int OTHER_FILES = 1;
    private static final List<HttpMethod> ANY_METHOD = List.of(HttpMethod.GET, HttpMethod.POST);

    private final Set<Route> routes = new LinkedHashSet<>();

    private GatewayRoutes() {
    }

    static List<Route> of(ApplicationContext context) {
        GatewayRoutes found = new GatewayRoutes();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(found::handlerMethods);
        context.getBeansOfType(RouterFunctionMapping.class).values().forEach(found::routerFunctions);
        context.getBeansOfType(AbstractUrlHandlerMapping.class).values().forEach(found::urlHandlers);
        return List.copyOf(found.routes);
    }

    private void handlerMethods(RequestMappingInfoHandlerMapping mapping) {
        mapping.getHandlerMethods().keySet().forEach(info -> {
            List<HttpMethod> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::asHttpMethod).toList();
            info.getPatternsCondition().getPatterns().forEach(pattern ->
                    add(methods.isEmpty() ? ANY_METHOD : methods, pattern.getPatternString(), false));
        });
    }

    private void routerFunctions(RouterFunctionMapping mapping) {
        RouterFunction<?> function = mapping.getRouterFunction();
        if (function != null) {
            function.accept(new RouteVisitor());
        }
    }

    private void urlHandlers(AbstractUrlHandlerMapping mapping) {
        mapping.getHandlerMap().forEach((pattern, handler) -> {
            String text = pattern.getPatternString();
            if (handler instanceof ResourceWebHandler resources && text.endsWith("/**")) {
                String prefix = text.substring(0, text.length() - 3);
                resources.getLocations().forEach(location -> {
                    boolean page = location instanceof ClassPathResource classPath && classPath.getPath().equals(PAGE_LOCATION);
                    files(location).stream().limit(page ? Long.MAX_VALUE : OTHER_FILES)
                            .forEach(file -> add(List.of(HttpMethod.GET), prefix + "/" + file, page));
                });
            } else {
                add(List.of(HttpMethod.GET), text, false);
            }
        });
    }

    /** The files under a resource location (in every class path root that has it), relative to it. */
    private static Collection<String> files(Resource location) {
        try {
            String base = location instanceof ClassPathResource classPath ? "/" + classPath.getPath() : location.getURL().toString();
            String pattern = location instanceof ClassPathResource classPath ? "classpath*:" + classPath.getPath() : base;
            Set<String> files = new TreeSet<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern + "**")) {
                String url = resource.getURL().toString();
                int at = url.indexOf(base);
                if (resource.isReadable() && !url.endsWith("/") && at >= 0) {
                    files.add(url.substring(at + base.length()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the resources under " + location, e);
        }
    }

    private void add(List<HttpMethod> methods, String pattern, boolean page) {
        String path = pattern.replaceAll("\\{[^}]*}", SAMPLE).replace("**", SAMPLE).replace("*", SAMPLE);
        methods.forEach(method -> routes.add(new Route(method, path.isEmpty() ? "/" : path, page)));
    }

    /** Reads each route's path and methods out of a router function. */
    private final class RouteVisitor implements RouterFunctions.Visitor {

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            PredicateVisitor visitor = new PredicateVisitor();
            predicate.accept(visitor);
            List<HttpMethod> methods = visitor.methods.isEmpty() ? ANY_METHOD : List.copyOf(visitor.methods);
            // A router function at "/" serves the page (Spring Boot's welcome page).
            visitor.paths.forEach(path -> add(methods, path, path.equals("/")));
        }

        @Override
        public void startNested(RequestPredicate predicate) {
        }

        @Override
        public void endNested(RequestPredicate predicate) {
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
        }

        @Override
        public void attributes(java.util.Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }
    }

    /** Collects the paths and methods a predicate names. */
    private static final class PredicateVisitor implements RequestPredicates.Visitor {

        final List<String> paths = new ArrayList<>();
        final Set<HttpMethod> methods = new LinkedHashSet<>();

        @Override
        public void method(Set<HttpMethod> methods) {
            this.methods.addAll(methods);
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        @SuppressWarnings("removal") // the visitor must still implement it; the gateway has no such predicate
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
