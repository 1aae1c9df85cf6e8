package io.switchboard.runtime.knowledge;

import java.util.List;

/** One saved version of an article: who saved it, when, and the content as it was then. */
public record ArticleVersion(String articleId, int version, String savedBy, long savedAt, String title, String problem,
    String solution, String product, String language, List<String> tags, ArticleStatus status) {
  public ArticleVersion {
    tags = List.copyOf(tags);
  }
}
