package io.newsradar.bench;

import io.newsradar.classify.Classifier;
import io.newsradar.classify.eval.EvaluationSet;
import io.newsradar.classify.text.StoryFinder;
import io.newsradar.contracts.ClassifiedArticle;
import io.newsradar.contracts.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Articles of a given size in UTF-8 bytes, made from the evaluation set's stories (repeated to length). */
final class BenchArticles {

    record Article(String title, String lead, String body, String lang) {
        int bytes() {
            return (title + lead + body).getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private BenchArticles() {
    }

    static List<Article> of(Path evaluationSet, int bytes) {
        StoryFinder pages = StoryFinder.load(null);
        List<Article> out = new ArrayList<>();
        for (EvaluationSet.Item item : EvaluationSet.read(List.of(evaluationSet)).items()) {
            var in = item.input();
            String title;
            String lead;
            String body;
            if (in.text() != null) {
                StoryFinder.Story story = pages.split(in.text());
                title = story.title();
                lead = story.lead();
                body = story.body();
            } else {
                title = nonNull(in.title());
                lead = nonNull(in.summary());
                body = nonNull(in.body());
            }
            String source = body.isBlank() ? lead : body;
            StringBuilder grown = new StringBuilder(body);
            while (!source.isBlank() && (title + lead + grown).getBytes(StandardCharsets.UTF_8).length < bytes) {
                grown.append("\n\n").append(source);
            }
            out.add(new Article(title, lead, trim(grown.toString(), bytes - (title + lead).getBytes(StandardCharsets.UTF_8).length), item.lang()));
        }
        return out;
    }

    /** The evaluation set's articles at about 3 KB as events, tagged by the classifier: what the load runs send. */
    static List<ClassifiedArticle> classified() {
        Classifier classifier = Classifier.withDefaults();
        return raw().stream().map(classifier::classify).toList();
    }

    /** The evaluation set's articles at about 3 KB as events, untagged: what ingest publishes. */
    static List<RawArticle> raw() {
        List<RawArticle> out = new ArrayList<>();
        int i = 0;
        for (Article a : of(Path.of("classify-service/src/test/resources/eval"), 3000)) {
            out.add(new RawArticle(RawArticle.SCHEMA_VERSION, "story-" + i, "https://bench.example/story/" + i++, null,
                    "bench", "newsradar bench", a.lang(), a.title(), a.lead(), a.body(), List.of(), Instant.now(), Instant.now()));
        }
        return out;
    }

    static double averageBytes(List<Article> articles) {
        return articles.stream().mapToInt(Article::bytes).average().orElse(0);
    }

    private static String trim(String text, int bytes) {
        String t = text;
        while (t.length() > 0 && t.getBytes(StandardCharsets.UTF_8).length > bytes) {
            t = t.substring(0, Math.max(0, t.length() - Math.max(1, (t.getBytes(StandardCharsets.UTF_8).length - bytes) / 2)));
        }
        return t;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
