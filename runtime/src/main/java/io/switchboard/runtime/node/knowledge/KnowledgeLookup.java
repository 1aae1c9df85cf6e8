package io.switchboard.runtime.node.knowledge;

import java.util.List;

/**
 * The knowledge base as a flow's {@code knowledge} step sees it: published articles only, best first.
 * The knowledge package implements it; the engine never sees Lucene.
 */
@FunctionalInterface
public interface KnowledgeLookup {

  /** Published articles matching the query with at least {@code minScore}, at most {@code limit}, best first. */
  List<Answer> search(Query query);

  /**
   * @param text what the customer wrote (a long text is searched by its most significant terms)
   * @param language an ISO 639-1 code, or null for every language
   * @param product a product name, or null for every product
   * @param tags articles must carry every one of these tags (empty: no filter)
   */
  record Query(String text, String language, String product, List<String> tags, int limit, double minScore) {
    public Query {
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  /** One article that answers: its solution as plain text (for a text message or an e-mail) and its score. */
  record Answer(String id, String title, String solution, double score) {}

  /** No knowledge base: nothing is ever found. */
  KnowledgeLookup NONE = query -> List.of();
}
