package io.newsradar.classify.cli;

import io.newsradar.classify.Classification;
import io.newsradar.contracts.CountryTag;
import io.newsradar.contracts.Evidence;
import io.newsradar.contracts.RegionTag;
import io.newsradar.contracts.TopicTag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line's JSON shape of a classification (see docs/classifier.md, "Command line"). */
final class ClassificationJson {

    private ClassificationJson() {
    }

    static Map<String, Object> of(Classification c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", c.version());
        out.put("language", c.language());
        if (c.pair() == null) {
            out.put("pair", null);
        } else {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("key", c.pair().code());
            pair.put("countries", c.pair().countries());
            pair.put("confidence", c.pair().confidence());
            out.put("pair", pair);
        }
        out.put("countries", c.countries().stream().map(ClassificationJson::country).toList());
        out.put("regions", c.regions().stream().map(ClassificationJson::region).toList());
        out.put("topics", c.topics().stream().map(ClassificationJson::topic).toList());
        return out;
    }

    private static Map<String, Object> country(CountryTag t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", t.code());
        out.put("score", t.score());
        out.put("evidence", evidence(t.evidence()));
        return out;
    }

    private static Map<String, Object> region(RegionTag t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", t.code());
        out.put("name", t.name());
        out.put("country", t.country());
        out.put("current", t.currentCode());
        out.put("score", t.score());
        out.put("evidence", evidence(t.evidence()));
        return out;
    }

    private static Map<String, Object> topic(TopicTag t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", t.topic());
        out.put("score", t.score());
        out.put("evidence", evidence(t.evidence()));
        return out;
    }

    private static List<Map<String, Object>> evidence(List<Evidence> evidence) {
        return evidence.stream().map(e -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("phrase", e.phrase());
            out.put("field", e.field().name().toLowerCase(java.util.Locale.ROOT));
            out.put("offset", e.offset());
            return out;
        }).toList();
    }
}
