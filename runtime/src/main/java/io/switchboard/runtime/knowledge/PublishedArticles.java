package io.switchboard.runtime.knowledge;

import io.switchboard.runtime.node.knowledge.KnowledgeLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The knowledge base as a flow's {@code knowledge} step sees it: published articles only, the
 * solution as plain text, at least the minimum score. Scores are Lucene's (BM25 times the usage boost):
 * a title that matches the question well scores about 5 or more on the sample base, a passing word about 1.
 */
public final class PublishedArticles implements KnowledgeLookup {
  private final KnowledgeService knowledge;

  public PublishedArticles(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public List<Answer> search(Query query) {
    if (query.text() == null || query.text().isBlank() || query.limit() < 1) {
      return List.of();
    }
    String language = query.language() == null || query.language().isBlank() ? null : query.language();
    if (language != null && !KnowledgeAnalysis.supported(language.strip().toLowerCase(Locale.ROOT))) {
      language = null;
    }
    List<SearchHit> hits = knowledge.search(SearchRequest.published(query.text(), language, query.product(),
        query.tags(), Math.min(query.limit(), 100)));
    List<Answer> answers = new ArrayList<>();
    for (SearchHit hit : hits) {
      if (hit.score() < query.minScore()) {
        break;
      }
      knowledge.find(hit.id()).filter(a -> a.status() == ArticleStatus.PUBLISHED).ifPresent(a ->
          answers.add(new Answer(a.id(), a.title(), ArticleText.plain(a.solution()), hit.score())));
    }
    return answers;
  }
}
