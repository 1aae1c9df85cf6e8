package io.switchboard.runtime.knowledge;

/**
 * Which articles a list shows; null fields do not filter. Articles are listed newest change first.
 *
 * @param tag articles carrying this tag
 * @param offset how many to skip; {@code limit} at most 500
 */
public record ArticleFilter(String product, String language, String tag, ArticleStatus status, int offset, int limit) {
  public static final ArticleFilter ALL = new ArticleFilter(null, null, null, null, 0, 500);
}
