package io.switchboard.runtime.knowledge;

import java.util.List;

/**
 * One search result, best first.
 *
 * @param snippets passages of the article with the matching words in {@code <mark>…</mark>}; all
 *     other text is HTML-escaped, so a snippet can be shown as HTML as it is
 * @param explanation Lucene's explanation of the score when asked for, otherwise null
 */
public record SearchHit(String id, String title, double score, List<String> snippets, String product, String language,
    ArticleStatus status, List<String> tags, String explanation) {
  public SearchHit {
    snippets = List.copyOf(snippets);
    tags = List.copyOf(tags);
  }
}
