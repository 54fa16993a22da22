package io.newsradar.ingest.extract;

import java.nio.charset.StandardCharsets;

/** Pages built to make extraction slow, generated rather than stored: the largest are megabytes. */
final class HostilePages {

    private HostilePages() {
    }

    static final String HEAD = "<!doctype html><html><head><title>Hostile page for the extractor</title></head><body>";

    /** 120,000 {@code <div>}s each inside the last, a story at the bottom (about 600 KB). */
    static byte[] nestedDivs(int levels) {
        StringBuilder html = new StringBuilder(HEAD);
        html.append("<div>".repeat(levels)).append(story()).append("</div>".repeat(levels));
        return bytes(html.append("</body></html>"));
    }

    /** One container with {@code count} short linked headlines side by side: wide rather than deep. */
    static byte[] wideTeasers(int count) {
        StringBuilder html = new StringBuilder(HEAD).append("<div class=\"story\"><ul>");
        for (int i = 0; i < count; i++) {
            html.append("<li><h3><a href=\"/s/").append(i).append("\">Item number ").append(i).append(" of the list</a></h3></li>");
        }
        return bytes(html.append("</ul>").append(story()).append("</div></body></html>"));
    }

    /** {@code count} paragraphs of prose side by side, each of them scored, with short scripts between them. */
    static byte[] wideParagraphs(int count) {
        StringBuilder html = new StringBuilder(HEAD).append("<div>");
        for (int i = 0; i < count; i++) {
            html.append("<p>Paragraph ").append(i).append(" says, at some length, what the council decided.</p><script>x()</script>");
        }
        return bytes(html.append("</div></body></html>"));
    }

    /** One paragraph of {@code chars} characters of words, with no markup in it. */
    static byte[] hugeText(int chars) {
        StringBuilder html = new StringBuilder(HEAD).append("<article><h1>Hostile page</h1><p>");
        String sentence = "The river rose again overnight, and the town council met at dawn. ";
        while (html.length() < chars) {
            html.append(sentence);
        }
        return bytes(html.append("</p></article></body></html>"));
    }

    /** Elements nested {@code levels} deep, each with a class that names furniture, a lead and a title link. */
    static byte[] nestedFurniture(int levels) {
        StringBuilder html = new StringBuilder(HEAD);
        for (int i = 0; i < levels; i++) {
            html.append("<div class=\"sidebar lead title\"><a class=\"title\" href=\"/").append(i).append("\">Read more</a>");
        }
        html.append(story()).append("</div>".repeat(levels));
        return bytes(html.append("</body></html>"));
    }

    /** {@code count} "Related stories" labels each followed by a link, nested one in another. */
    static byte[] nestedRelatedLabels(int count) {
        StringBuilder html = new StringBuilder(HEAD);
        for (int i = 0; i < count; i++) {
            html.append("<section><h4>Related stories</h4><p><a href=\"/r").append(i).append("\">Another story</a></p>");
        }
        html.append(story()).append("</section>".repeat(count));
        return bytes(html.append("</body></html>"));
    }

    /** A short story that extraction accepts: three paragraphs of about twenty words each. */
    static String story() {
        return "<p>The harbour authority opened the new ferry terminal on Monday, after four years of work and two delays "
                + "caused by floods.</p><p>Officials said the terminal would carry twelve thousand passengers a day, "
                + "nearly twice as many as the old pier, from next spring.</p><p>Residents welcomed the shorter queues "
                + "but asked for more buses, saying the road to the terminal was already crowded at rush hour.</p>";
    }

    private static byte[] bytes(StringBuilder html) {
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
