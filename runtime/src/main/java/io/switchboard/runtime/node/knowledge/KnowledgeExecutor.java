package io.switchboard.runtime.node.knowledge;

import io.switchboard.flow.model.config.KnowledgeConfig;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.StepContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the knowledge base's published articles for the rendered query with the rendered filters
 * (tags separated by commas), keeps the best answers (a list, and the best one apart) in variables and
 * takes {@code found} when at least one scored the minimum, else {@code not-found}. An empty query finds nothing. A template that
 * fails takes the error port; a search that breaks is a bug the step guard records.
 */
public final class KnowledgeExecutor implements NodeExecutor {
  /** A longer text is cut here before it is searched: more says nothing the most significant words do not. */
  static final int MAX_QUERY_CHARS = 20_000;

  private final CompiledTemplate query;
  private final CompiledTemplate language;
  private final CompiledTemplate product;
  private final CompiledTemplate tags;
  private final int limit;
  private final double minScore;
  private final String answersVariable;
  private final String answerVariable;
  private final int found;
  private final int notFound;

  public KnowledgeExecutor(CompileContext context) {
    KnowledgeConfig config = context.config(KnowledgeConfig.class);
    this.query = context.expressions().template(config.query());
    this.language = context.expressions().template(config.language());
    this.product = context.expressions().template(config.product());
    this.tags = context.expressions().template(config.tags());
    this.limit = Math.clamp(config.limit(), 1, 10);
    this.minScore = config.minScore();
    this.answersVariable = config.answersVariable();
    this.answerVariable = config.answerVariable();
    this.found = context.ports().index("found");
    this.notFound = context.ports().index("not-found");
  }

  @Override
  public Outcome execute(StepContext context) {
    Result<String> text = context.render(query);
    Result<String> languageText = context.render(language);
    Result<String> productText = context.render(product);
    Result<String> tagsText = context.render(tags);
    for (Result<String> part : List.of(text, languageText, productText, tagsText)) {
      if (!part.isOk()) {
        return Outcome.fail(part.failure());
      }
    }
    List<String> tagTexts = Arrays.stream(tagsText.value().split(",")).map(String::strip).filter(t -> !t.isEmpty())
        .toList();
    String problem = text.value().strip();
    List<KnowledgeLookup.Answer> answers = problem.isEmpty() ? List.of()
        : context.capability(KnowledgeLookup.class).orElse(KnowledgeLookup.NONE).search(new KnowledgeLookup.Query(
            problem.length() > MAX_QUERY_CHARS ? problem.substring(0, MAX_QUERY_CHARS) : problem,
            blankToNull(languageText.value()), blankToNull(productText.value()), tagTexts, limit, minScore));
    List<Map<String, Object>> kept = answers.stream().filter(a -> a.score() >= minScore).limit(limit)
        .map(KnowledgeExecutor::variable).toList();
    context.set(answersVariable, kept);
    context.set(answerVariable, kept.isEmpty() ? null : kept.getFirst());
    return Outcome.next(kept.isEmpty() ? notFound : found);
  }

  private static Map<String, Object> variable(KnowledgeLookup.Answer answer) {
    Map<String, Object> value = new LinkedHashMap<>(4);
    value.put("id", answer.id());
    value.put("title", answer.title());
    value.put("solution", answer.solution());
    value.put("score", answer.score());
    return value;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
