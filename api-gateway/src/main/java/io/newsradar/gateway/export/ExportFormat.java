package io.newsradar.gateway.export;

import io.newsradar.gateway.search.InvalidQueryException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.server.NotAcceptableStatusException;

/** How an export is written: one JSON article per line (the default), or a flat CSV table. */
enum ExportFormat {

    NDJSON(MediaType.APPLICATION_NDJSON, "ndjson"),
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8), "csv");

    private final MediaType mediaType;
    private final String parameterValue;

    ExportFormat(MediaType mediaType, String parameterValue) {
        this.mediaType = mediaType;
        this.parameterValue = parameterValue;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * The format asked for: {@code format=csv|ndjson} when given (for links in pages, which cannot set headers), else
     * the first of the {@code Accept} header's types, by quality, that is one of the two; NDJSON when none is given or
     * any type will do.
     *
     * @throws InvalidQueryException         naming {@code format} when {@code format} is neither
     * @throws NotAcceptableStatusException when the {@code Accept} header allows neither
     */
    static ExportFormat of(String format, List<MediaType> accept) {
        if (format != null) {
            for (ExportFormat candidate : values()) {
                if (candidate.parameterValue.equals(format)) {
                    return candidate;
                }
            }
            throw new InvalidQueryException("format", "format must be ndjson or csv, was '" + format + "'");
        }
        if (accept.isEmpty()) {
            return NDJSON;
        }
        List<MediaType> byQuality = new ArrayList<>(accept);
        byQuality.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : byQuality) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            for (ExportFormat candidate : values()) {
                if (type.includes(candidate.mediaType)) {
                    return candidate;
                }
            }
        }
        throw new NotAcceptableStatusException(List.of(NDJSON.mediaType, CSV.mediaType));
    }
}
