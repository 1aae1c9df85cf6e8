package io.switchboard.runtime.knowledge;

import java.util.List;

/**
 * One knowledge article: a problem and its solution, both Markdown as written, with its usage counters.
 *
 * @param language an ISO 639-1 code, see {@link KnowledgeLanguages}
 * @param version the number of the last saved version (1 for a new article)
 * @param helped how often a customer or an agent said it helped
 * @param notHelped how often someone said it did not help
 * @param sent how often an agent sent it to a customer
 * @param views how often it was read on the public page
 */
public record Article(String id, String title, String problem, String solution, String product, String language,
    List<String> tags, ArticleStatus status, String author, int version, long helped, long notHelped, long sent,
    long views, long createdAt, long updatedAt) {
  public Article {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** helped + sent: what the ranking's usage boost counts. */
  public long usage() {
    return helped + sent;
  }
}
