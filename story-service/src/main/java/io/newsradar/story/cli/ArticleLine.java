package io.newsradar.story.cli;

import io.newsradar.story.event.Article;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One JSON Lines article: {@code id}, {@code lang}, {@code text} or {@code title}/{@code lead}/{@code body}, optional {@code published}, {@code pair}, {@code countries}. */
final class ArticleLine {

    private ArticleLine() {
    }

    static Article parse(JsonNode node) {
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("no \"id\"");
        }
        String body = text(node, "text");
        if (body == null) {
            body = String.join("\n\n", nonNull(text(node, "title"), text(node, "lead"), text(node, "body")));
        }
        String published = text(node, "published");
        LocalDate day = null;
        boolean monthOnly = false;
        if (published != null && !published.isBlank()) {
            if (published.length() == 7) {
                day = YearMonth.parse(published).atDay(1);
                monthOnly = true;
            } else if (published.length() == 10) {
                day = LocalDate.parse(published);
            } else {
                day = parseInstant(published);
            }
        }
        List<String> countries = new ArrayList<>();
        JsonNode list = node.get("countries");
        if (list != null && list.isArray()) {
            list.forEach(c -> countries.add(c.asString()));
        }
        return new Article(id, text(node, "lang"), body, day, monthOnly, text(node, "pair"), countries);
    }

    private static LocalDate parseInstant(String published) {
        try {
            return OffsetDateTime.parse(published).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"published\" is not a date: " + published, e);
        }
    }

    private static List<String> nonNull(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
