package io.newsradar.ingest.parse;

import io.newsradar.ingest.system.Deadline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with Jackson. JSON is UTF-8 (RFC 8259). */
final class JsonFeedReader {

    /** One mapper per nesting limit in use (there is one in practice). */
    private static final Map<Integer, JsonMapper> MAPPERS = new ConcurrentHashMap<>();
    private static final Pattern VERSION = Pattern.compile("https?://jsonfeed\\.org/version/(\\d+(?:\\.\\d+)?)/?");

    private JsonFeedReader() {
    }

    static ParsedFeed read(URI source, byte[] document, Deadline deadline, FeedParser.Limits limits)
            throws FeedParseException {
        JsonNode root = tree(source, document, deadline, limits.maxXmlDepth());
        String version = string(root.path("version"));
        Matcher m = version == null ? null : VERSION.matcher(version);
        if (!root.isObject() || m == null || !m.matches()) {
            throw new FeedParseException(source + " is JSON but not a JSON Feed: its \"version\" is " + version
                    + ", not https://jsonfeed.org/version/1.1");
        }
        String format = "json_" + (m.group(1).contains(".") ? m.group(1) : m.group(1) + ".0");
        List<FeedItem> items = new ArrayList<>();
        JsonNode all = root.path("items");
        try {
            for (JsonNode item : all.values()) {
                if (items.size() == limits.maxItems()) {
                    break;
                }
                deadline.check();
                items.add(item(source, item));
            }
        } catch (Deadline.Exceeded e) {
            throw Failures.timedOut(source, deadline, e);
        }
        return new ParsedFeed(VisibleText.orNull(string(root.path("title"))), VisibleText.orNull(string(root.path("language"))),
                format, null, null, items, all.size());
    }

    private static JsonNode tree(URI source, byte[] document, Deadline deadline, int maxDepth) throws FeedParseException {
        try (InputStream in = deadline.guard(new ByteArrayInputStream(document))) {
            return mapper(maxDepth).readTree(in);
        } catch (JacksonException e) {
            if (Failures.find(e, Deadline.Exceeded.class) != null) {
                throw Failures.timedOut(source, deadline, e);
            }
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new FeedParseException(source + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeedParseException(source + " could not be read: " + e.getMessage(), e);
        }
    }

    private static FeedItem item(URI source, JsonNode item) {
        String url = string(item.path("url"));
        String html = string(item.path("content_html"));
        return new FeedItem(
                VisibleText.ofText(string(item.path("title"))),
                Links.resolve(source, url != null ? url : string(item.path("external_url"))),
                VisibleText.orNull(string(item.path("id"))),
                VisibleText.ofText(string(item.path("summary"))),
                html != null ? VisibleText.ofHtml(html) : VisibleText.ofText(string(item.path("content_text"))),
                instant(string(item.path("date_published"))),
                instant(string(item.path("date_modified"))),
                item.path("tags").values().stream().map(JsonFeedReader::string).map(VisibleText::orNull)
                        .filter(Objects::nonNull).distinct().toList());
    }

    private static JsonMapper mapper(int maxDepth) {
        return MAPPERS.computeIfAbsent(maxDepth, depth -> JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth).build()).build()).build());
    }

    /** A string or number as text (ids are sometimes numbers); {@code null} for anything else. */
    private static String string(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        return node.isNumber() ? node.asString() : null;
    }

    /** RFC 3339, as JSON Feed requires; {@code null} when absent or unreadable. */
    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
