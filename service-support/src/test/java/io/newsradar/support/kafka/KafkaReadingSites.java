package io.newsradar.support.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Java source makes a Kafka consumer or polls one, read from its text: comments and string literals are
 * blanked first, then a consumer made ({@code new KafkaConsumer}, with or without its package, {@code KafkaConsumer::new},
 * a consumer factory's {@code createConsumer}) or a {@code poll(} call in a source that holds a Kafka consumer type
 * imported from {@code org.apache.kafka.clients.consumer} (or named with that package) counts. A queue's or a
 * poller's {@code poll} in a source without one does not.
 */
final class KafkaReadingSites {

    private static final String PACKAGE = "org.apache.kafka.clients.consumer";
    private static final Set<String> CONSUMER_TYPES = Set.of("KafkaConsumer", "Consumer", "MockConsumer", "ShareConsumer",
            "KafkaShareConsumer");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);
    private static final Pattern MAKES = Pattern.compile(
            "\\bnew\\s+(?:[\\w.]+\\s*\\.\\s*)?KafkaConsumer\\s*[<(]|\\bKafkaConsumer\\s*::\\s*new\\b|\\.\\s*createConsumer\\s*\\(");
    private static final Pattern POLLS = Pattern.compile("\\.\\s*poll\\s*\\(");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(static\\s+)?([\\w.]+?)(?:\\s*\\.\\s*(\\*|\\w+))\\s*;");
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\borg\\s*\\.\\s*apache\\s*\\.\\s*kafka\\s*\\.\\s*clients\\s*\\.\\s*consumer\\s*\\.\\s*(\\w+)\\b");

    private KafkaReadingSites() {
    }

    /** What the source does that only the shared reader may, each with its line; empty when it does neither. */
    static List<String> in(String source) {
        String code = blank(source);
        List<String> found = new ArrayList<>();
        Matcher makes = MAKES.matcher(code);
        while (makes.find()) {
            found.add("line " + line(code, makes.start()) + ": makes a Kafka consumer");
        }
        if (holdsAConsumer(code)) {
            Matcher polls = POLLS.matcher(code);
            while (polls.find()) {
                found.add("line " + line(code, polls.start()) + ": polls a Kafka consumer");
            }
        }
        return found;
    }

    private static boolean holdsAConsumer(String code) {
        Set<String> imported = new TreeSet<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String from = imports.group(2).replaceAll("\\s", "");
            String name = imports.group(3);
            if (from.equals(PACKAGE) && (name.equals("*") || CONSUMER_TYPES.contains(name))) {
                imported.add(name);
            }
        }
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            if (CONSUMER_TYPES.contains(qualified.group(1)) && !isImportLine(code, qualified.start())) {
                return true;
            }
        }
        if (imported.contains("*")) {
            return CONSUMER_TYPES.stream().anyMatch(type -> Pattern.compile("\\b" + type + "\\b").matcher(code).find());
        }
        return !imported.isEmpty();
    }

    private static boolean isImportLine(String code, int at) {
        int start = code.lastIndexOf('\n', at) + 1;
        return code.substring(start, at).trim().startsWith("import");
    }

    /** The source with comments and literals replaced by spaces, keeping every line break where it was. */
    private static String blank(String source) {
        Matcher m = COMMENTS_AND_STRINGS.matcher(source);
        StringBuilder out = new StringBuilder(source.length());
        int last = 0;
        while (m.find()) {
            out.append(source, last, m.start());
            out.append(m.group().replaceAll("[^\\n]", " "));
            last = m.end();
        }
        return out.append(source.substring(last)).toString();
    }

    private static int line(String code, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
