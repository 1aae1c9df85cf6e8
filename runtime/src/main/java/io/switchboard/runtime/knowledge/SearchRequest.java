package io.switchboard.runtime.knowledge;

import java.util.List;
import java.util.Set;

/**
 * A search of the knowledge base. A text of more than {@value KnowledgeSearch#LONG_TEXT_WORDS} words
 * (a whole e-mail) is searched by its most significant terms (MoreLikeThis); a shorter one by its words,
 * stemmed per language, phonetically and fuzzily.
 *
 * @param language an ISO 639-1 code, or null for every language
 * @param product a product name (case-insensitive, exact), or null
 * @param tags articles must carry every one of these tags
 * @param statuses which statuses are searched; empty means published only
 * @param limit how many results at most (1 to 100)
 * @param explain whether each result carries Lucene's explanation of its score
 */
public record SearchRequest(String text, String language, String product, List<String> tags,
    Set<ArticleStatus> statuses, int limit, boolean explain) {
  public SearchRequest {
    tags = tags == null ? List.of() : List.copyOf(tags);
    statuses = statuses == null || statuses.isEmpty() ? Set.of(ArticleStatus.PUBLISHED) : Set.copyOf(statuses);
  }

  /** Published articles only, as customers and flows search. */
  public static SearchRequest published(String text, String language, String product, List<String> tags, int limit) {
    return new SearchRequest(text, language, product, tags, Set.of(ArticleStatus.PUBLISHED), limit, false);
  }
}
