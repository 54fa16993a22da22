package io.newsradar.story.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What story clustering reads of one article: its id, language, text, the date it shows (or {@code null}) and, when
 * the classifier has run, its country pair and countries.
 *
 * @param published the day the article shows, or {@code null}
 * @param publishedMonthOnly whether the article gave only a month (the day is then the month's first)
 */
public record Article(String id, String lang, String text, LocalDate published, boolean publishedMonthOnly,
                      String pair, List<String> countries) {

    public Article {
        Objects.requireNonNull(id, "id");
        text = text == null ? "" : text;
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}
