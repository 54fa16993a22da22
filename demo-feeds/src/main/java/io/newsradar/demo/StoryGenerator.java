package io.newsradar.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes new demo stories in one language from the templates of {@code demo/stories-<lang>.tsv}. */
final class StoryGenerator {

    /** A story: headline, lead paragraph, body. */
    record Story(String title, String lead, String body) {
    }

    private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");

    private final List<String[]> templates = new ArrayList<>();
    private final Map<String, String[]> slots = new HashMap<>();
    private final Random random;
    private int next;

    StoryGenerator(String language, long seed) {
        this.random = new Random(seed);
        String resource = "/demo/stories-" + language + ".tsv";
        try (InputStream in = StoryGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no demo stories for language '" + language + "' (" + resource + ")");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns[0].equals("@slot") && columns.length == 3) {
                    slots.put(columns[1], columns[2].split("\\|"));
                } else if (columns.length == 3) {
                    templates.add(columns);
                } else {
                    throw new IllegalStateException(resource + ": expected three tab-separated columns in '" + line + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next story: templates in turn, slots filled at random (one value per slot per story). */
    Story next() {
        String[] template = templates.get(next++ % templates.size());
        Map<String, String> chosen = new HashMap<>();
        return new Story(fill(template[0], chosen), fill(template[1], chosen), fill(template[2], chosen));
    }

    private String fill(String template, Map<String, String> chosen) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String[] values = slots.get(name);
            if (values == null) {
                throw new IllegalStateException("template uses the undefined slot {" + name + "}: " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(chosen.computeIfAbsent(name, n -> values[random.nextInt(values.length)])));
        }
        m.appendTail(out);
        String text = out.toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
