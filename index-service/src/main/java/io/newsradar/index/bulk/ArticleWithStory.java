package io.newsradar.index.bulk;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newsradar.contracts.ArticleDocument;

/**
 * What a full write of an article sends: its document, with the story fields already stored for it (an assignment
 * may come before the article, or between two revisions), so that replacing the words never drops the story.
 */
record ArticleWithStory(@JsonUnwrapped ArticleDocument article, @JsonUnwrapped StoryFields story) {
}
