package io.newsradar.ingest.extract;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** What an element's class and id say about it: story container, standfirst, or page furniture. */
final class Hints {

    /** Words of story containers, in English, Vietnamese and French templates. */
    private static final Pattern POSITIVE = word("article|articles?-?body|content|contenu|story|body|detail|details|"
            + "chi-?tiet|post|entry|fck_detail|fck|noidung|noi-dung|news-?content|texte|corps");
    /** Furniture that is never story text, whatever else the class says ("related-content" is still related). */
    private static final Pattern ALWAYS_NEGATIVE = word("comments?|binh-?luan|related|relate|lien-?quan|tin-?lien-?quan|"
            + "tinlienquan|tin-?khac|doc-?them|xem-?them|read-?more|lire-?aussi|meme-?sujet|share|sharing|social|"
            + "cookies?|consent|gdpr|newsletter|subscribe|subscription|abonnement|paywall|outbrain|taboola|"
            + "breadcrumbs?|byline|author|signature|tags?|keywords?|popup|modal|print|toolbar|rating|"
            + "captions?|credits?|legende|figcaption|picture|image-?caption|photo-?caption|most-?read|popular|trending");
    /** Furniture unless the class also names content ("box-content" may hold the story, "box-news" does not). */
    private static final Pattern NEGATIVE = word("footer|sidebar|side|aside|menu|nav|navbar|navigation|header|masthead|"
            + "promo|ads?|advert\\w*|adv|banner|sponsor\\w*|teaser|widget|rail|box-?\\w*|list|links|more|extra|"
            + "hidden|weather|video|gallery|login|search|topbar|footnote");
    private static final Pattern LEAD = word("sapo|chapo|chapeau|lead|standfirst|summary|description|desc|excerpt|intro|"
            + "dek|subtitle|tomtat|tom-?tat|mo-?ta|article-?lead|article-?summary|article-?chapo|article-?desc");

    private Hints() {
    }

    /** A readability-style weight: +25 for a story word in class or id, -25 for a furniture word. */
    static int weight(Element el) {
        String names = names(el);
        if (names.isEmpty()) {
            return 0;
        }
        int weight = 0;
        if (POSITIVE.matcher(names).find()) {
            weight += 25;
        }
        if (ALWAYS_NEGATIVE.matcher(names).find() || NEGATIVE.matcher(names).find()) {
            weight -= 25;
        }
        if ("articleBody".equals(el.attr("itemprop"))) {
            weight += 50;
        }
        return weight;
    }

    /** Class or id marks page furniture: always, or by a weak word with no story word beside it. */
    static boolean isFurniture(Element el) {
        String names = names(el);
        if (names.isEmpty() || "articleBody".equals(el.attr("itemprop"))) {
            return false;
        }
        if (ALWAYS_NEGATIVE.matcher(names).find()) {
            return true;
        }
        return NEGATIVE.matcher(names).find() && !POSITIVE.matcher(names).find();
    }

    static boolean isLead(Element el) {
        String names = names(el);
        return (!names.isEmpty() && LEAD.matcher(names).find() && !ALWAYS_NEGATIVE.matcher(names).find())
                || ("description".equals(el.attr("itemprop")) && !el.normalName().equals("meta"));
    }

    private static String names(Element el) {
        String cls = el.className();
        String id = el.id();
        return id.isEmpty() ? cls : cls + " " + id;
    }

    /** A whole word of a class or id: bounded by start, end, space, '-' or '_' but not by letters. */
    private static Pattern word(String alternatives) {
        return Pattern.compile("(?i)(?<![a-z0-9])(" + alternatives + ")(?![a-z0-9])");
    }
}
