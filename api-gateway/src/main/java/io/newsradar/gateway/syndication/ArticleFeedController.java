package io.newsradar.gateway.syndication;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.newsradar.contracts.XmlText;
import io.newsradar.gateway.GatewayProperties;
import io.newsradar.gateway.search.ArticleQuery;
import io.newsradar.gateway.search.ArticleSearch;
import io.newsradar.gateway.search.ArticleView;
import io.newsradar.gateway.search.InvalidQueryException;
import io.newsradar.gateway.search.KnownCodes;
import io.newsradar.gateway.security.KeyParameter;
import io.newsradar.gateway.web.ArticleFilters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The article queries as feeds any reader can subscribe to: {@code /feeds/v1/articles.atom} and {@code .rss} take the
 * filters of {@code /api/v1/articles} ("labour news between Vietnam and Japan":
 * {@code ?pair=JP-VN&topic=labour}) and give the newest articles, written with ROME, a page at a time: each page links
 * to itself, to the first page and to the next as RFC 5005 says ({@link FeedLinks}), the next page continuing from the
 * signed cursor the JSON pages use, so a reader following {@code next} gets every match once. Every text written passes
 * through {@link XmlText#replace}: a character XML forbids, in an indexed article or in the query, becomes U+FFFD.
 */
@RestController
@Tag(name = "syndication", description = "The article queries as Atom 1.0 and RSS 2.0 feeds")
public class ArticleFeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final int DEFAULT_SIZE = 50;
    private static final String ATOM_TYPE = "application/atom+xml";
    private static final String RSS_TYPE = "application/rss+xml";
    private static final Namespace ATOM_NAMESPACE = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private final ArticleSearch search;
    private final GatewayProperties properties;
    private final KnownCodes codes;

    public ArticleFeedController(ArticleSearch search, GatewayProperties properties, KnownCodes codes) {
        this.search = search;
        this.properties = properties;
        this.codes = codes;
    }

    @GetMapping("/feeds/v1/articles.atom")
    @ArticleFilters
    @Operation(summary = "The newest matching articles as Atom 1.0", description = "Each entry links to the story; its categories"
            + " are the tags, with schemes https://newsradar.io/tags/{pair,country,region,topic}. Feed readers that cannot send"
            + " headers pass the key as api_key=. Paged as RFC 5005 says: link rel=\"next\" to older articles while there are"
            + " more.", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string"))))
    @Parameters({@Parameter(name = "size", in = ParameterIn.QUERY, description = "entries, 1 to 100, default 50",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100")),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "where the previous page ended, as its"
                    + " rel=\"next\" link gives it; opaque", schema = @Schema(type = "string"))})
    public Mono<ResponseEntity<String>> atom(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                                             @Parameter(hidden = true) ServerWebExchange exchange) {
        return feed(parameters, exchange, "atom_1.0", ATOM);
    }

    @GetMapping("/feeds/v1/articles.rss")
    @ArticleFilters
    @Operation(summary = "The newest matching articles as RSS 2.0", description = "Each entry links to the story; its categories"
            + " are the tags, with schemes https://newsradar.io/tags/{pair,country,region,topic}. Feed readers that cannot send"
            + " headers pass the key as api_key=. Paged as RFC 5005 says: link rel=\"next\" to older articles while there are"
            + " more.", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = "application/rss+xml", schema = @Schema(type = "string"))))
    @Parameters({@Parameter(name = "size", in = ParameterIn.QUERY, description = "entries, 1 to 100, default 50",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100")),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "where the previous page ended, as its"
                    + " rel=\"next\" link gives it; opaque", schema = @Schema(type = "string"))})
    public Mono<ResponseEntity<String>> rss(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                                            @Parameter(hidden = true) ServerWebExchange exchange) {
        return feed(parameters, exchange, "rss_2.0", RSS);
    }

    /**
     * A page of a saved search's feed, at the request's path ({@code /api/v1/searches/{id}/feed.atom} or {@code .rss}):
     * the articles its filters choose, titled with its name. The request itself may give only {@code size} and
     * {@code cursor}, which are all its paging links repeat.
     *
     * @param atom Atom 1.0 when true, else RSS 2.0
     */
    public Mono<ResponseEntity<String>> savedSearch(String name, MultiValueMap<String, String> filters,
            MultiValueMap<String, String> parameters, ServerWebExchange exchange, boolean atom) {
        for (String parameter : parameters.keySet()) {
            if (!parameter.equals("size") && !parameter.equals(FeedLinks.CURSOR)) {
                throw new InvalidQueryException(parameter, "unknown parameter '" + parameter + "'; a saved search's feed takes size"
                        + " and cursor, its filters are the search's");
            }
        }
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>(filters);
        query.addAll(parameters);
        return feed(query, parameters, "newsradar: " + name, exchange, atom ? "atom_1.0" : "rss_2.0", atom ? ATOM : RSS);
    }

    private Mono<ResponseEntity<String>> feed(MultiValueMap<String, String> parameters, ServerWebExchange exchange, String type,
                                              MediaType mediaType) {
        return feed(parameters, parameters, title(parameters), exchange, type, mediaType);
    }

    /**
     * @param parameters what chooses the articles and pages them
     * @param linked     what the paging links repeat
     */
    private Mono<ResponseEntity<String>> feed(MultiValueMap<String, String> parameters, MultiValueMap<String, String> linked,
                                              String title, ServerWebExchange exchange, String type, MediaType mediaType) {
        ArticleQuery query = ArticleQuery.feed(parameters, Math.min(DEFAULT_SIZE, properties.maxPageSize()), properties.maxPageSize(), codes);
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().contextPath().value() + request.getPath().pathWithinApplication().value();
        String key = KeyParameter.givenAsParameter(request).orElse(null);
        return search.search(query).map(page -> {
            FeedLinks links = FeedLinks.of(request.getURI(), path, linked, page.next(), key);
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(mediaType);
            if (key != null) {
                answer.cacheControl(CacheControl.noStore().cachePrivate()); // the links hold the reader's key
            }
            return answer.body(write(page.items(), links, title, type));
        });
    }

    static String write(List<ArticleView> articles, FeedLinks links, MultiValueMap<String, String> parameters, String type) {
        return write(articles, links, title(parameters), type);
    }

    private static String title(MultiValueMap<String, String> parameters) {
        return "newsradar" + (parameters.isEmpty() ? ": all articles" : ": " + describe(parameters));
    }

    static String write(List<ArticleView> articles, FeedLinks links, String title, String type) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(xml(title));
        feed.setDescription("Articles classified by newsradar, newest first");
        feed.setLink(links.self());
        feed.setUri(links.id());
        feed.setPublishedDate(articles.isEmpty() || articles.get(0).publishedAt() == null ? new Date(0)
                : Date.from(articles.get(0).publishedAt()));
        if (type.startsWith("atom")) {
            feed.setLinks(atomLinks(links));
        } else {
            feed.setForeignMarkup(rssLinks(links));
        }
        URI self = URI.create(links.self());
        List<SyndEntry> entries = new ArrayList<>();
        for (ArticleView a : articles) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(xml(a.title()));
            entry.setLink(xml(a.url() != null ? a.url() : self.resolve("/api/v1/articles/" + a.id()).toString()));
            entry.setUri(xml("urn:newsradar:article:" + a.id()));
            if (a.publishedAt() != null) {
                entry.setPublishedDate(Date.from(a.publishedAt()));
                entry.setUpdatedDate(Date.from(a.publishedAt()));
            }
            if (a.lead() != null && !a.lead().isBlank()) {
                SyndContent description = new SyndContentImpl();
                description.setType("text/plain");
                description.setValue(xml(a.lead()));
                entry.setDescription(description);
            }
            entry.setAuthor(xml(a.source()));
            entry.setCategories(categories(a));
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the " + type + " feed: " + e.getMessage(), e);
        }
    }

    /** RFC 5005 paging in Atom: {@code self}, {@code first} and, when there are more articles, {@code next}. */
    private static List<SyndLink> atomLinks(FeedLinks links) {
        List<SyndLink> atom = new ArrayList<>();
        paging(links).forEach((rel, href) -> {
            SyndLink link = new SyndLinkImpl();
            link.setRel(rel);
            link.setType(ATOM_TYPE);
            link.setHref(href);
            atom.add(link);
        });
        return atom;
    }

    /** The same links in an RSS channel, as {@code atom:link} elements (RSS 2.0 has no paging of its own). */
    private static List<Element> rssLinks(FeedLinks links) {
        List<Element> elements = new ArrayList<>();
        paging(links).forEach((rel, href) -> elements.add(new Element("link", ATOM_NAMESPACE)
                .setAttribute("rel", rel).setAttribute("type", RSS_TYPE).setAttribute("href", href)));
        return elements;
    }

    private static Map<String, String> paging(FeedLinks links) {
        Map<String, String> paging = new LinkedHashMap<>();
        paging.put("self", links.self());
        paging.put("first", links.first());
        if (links.next() != null) {
            paging.put("next", links.next());
        }
        return paging;
    }

    /** The tags as categories, each in its scheme: {@code pair}, {@code country}, {@code region}, {@code topic}. */
    private static List<SyndCategory> categories(ArticleView a) {
        List<SyndCategory> categories = new ArrayList<>();
        if (a.pair() != null) {
            categories.add(category("pair", a.pair()));
        }
        a.countries().forEach(c -> categories.add(category("country", c)));
        a.regions().forEach(r -> categories.add(category("region", r)));
        a.topics().forEach(t -> categories.add(category("topic", t)));
        return categories;
    }

    private static SyndCategory category(String scheme, String value) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(xml(value));
        category.setTaxonomyUri("https://newsradar.io/tags/" + scheme);
        return category;
    }

    /** Text as XML 1.0 can carry it: an indexed title or a query holding a forbidden character must not break the feed. */
    private static String xml(String text) {
        return XmlText.replace(text);
    }

    private static String describe(MultiValueMap<String, String> parameters) {
        List<String> parts = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!name.equals("size") && !name.equals(FeedLinks.CURSOR)) {
                parts.add(name + "=" + String.join(",", values));
            }
        });
        return parts.isEmpty() ? "all articles" : String.join(", ", parts);
    }
}
