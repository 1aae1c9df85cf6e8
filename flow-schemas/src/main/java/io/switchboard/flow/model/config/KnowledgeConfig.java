package io.switchboard.flow.model.config;

/**
 * Config of a {@code knowledge} node: what to search for and the filters (templates; tags comma-separated), how many answers
 * to keep with at least which score, and the variables the answers go into.
 */
public record KnowledgeConfig(String query, String language, String product, String tags, Integer limit,
    Double minScore, String answersVariable, String answerVariable) {
  public static final String DEFAULT_QUERY = "{{ trigger.body }}";
  public static final int DEFAULT_LIMIT = 3;

  public KnowledgeConfig {
    query = query == null ? DEFAULT_QUERY : query;
    limit = limit == null ? DEFAULT_LIMIT : limit;
    minScore = minScore == null ? 0.0 : minScore;
    answersVariable = answersVariable == null ? "answers" : answersVariable;
    answerVariable = answerVariable == null ? "answer" : answerVariable;
  }
}
