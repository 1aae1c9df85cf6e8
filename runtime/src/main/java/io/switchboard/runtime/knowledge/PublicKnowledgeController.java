package io.switchboard.runtime.knowledge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.NotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-service for customers, without signing in: published articles only, every request counted
 * against the client address's allowance ({@code switchboard.knowledge.public-rate} a minute; 429 with
 * Retry-After beyond it).
 */
@RestController
@Tag(name = "Public knowledge", description = "Self-service search and reading of published articles (no sign-in, "
    + "rate-limited per client address)")
public class PublicKnowledgeController {
  private final KnowledgeService knowledge;

  public PublicKnowledgeController(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  /** A published article as a customer reads it: sanitized HTML and plain text. */
  public record PublicArticle(String id, String title, String problemHtml, String solutionHtml, String solutionText,
      String product, String language, List<String> tags) {
    static PublicArticle of(Article a) {
      return new PublicArticle(a.id(), a.title(), ArticleText.html(a.problem()), ArticleText.html(a.solution()),
          ArticleText.plain(a.solution()), a.product(), a.language(), a.tags());
    }
  }

  /** One result of a public search. */
  public record PublicHit(String id, String title, double score, List<String> snippets, String product,
      String language) {}

  @GetMapping("/api/public/knowledge/search")
  @Operation(summary = "Search published articles", description = "q, language, product, limit (1 to 20, default 10)")
  public List<PublicHit> search(@RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String language, @RequestParam(required = false) String product,
      @RequestParam(defaultValue = "10") int limit) {
    return knowledge.search(SearchRequest.published(q, language, product, List.of(), Math.min(Math.max(limit, 1), 20)))
        .stream().map(h -> new PublicHit(h.id(), h.title(), h.score(), h.snippets(), h.product(), h.language()))
        .toList();
  }

  @GetMapping("/api/public/knowledge/articles/{id}")
  @Operation(summary = "Read a published article (404 for any other)")
  public PublicArticle article(@PathVariable String id) {
    return PublicArticle.of(knowledge.readPublished(id));
  }

  @PostMapping("/api/public/knowledge/articles/{id}/feedback")
  @Operation(summary = "Say whether a published article helped", description = "{kind: helped | not-helped}")
  public void feedback(@PathVariable String id, @RequestBody(required = false) KnowledgeController.FeedbackBody body) {
    Feedback kind = KnowledgeController.feedback(body == null ? null : body.kind());
    if (kind == Feedback.SENT) {
      throw new BadRequestException("kind: helped or not-helped");
    }
    knowledge.find(id).filter(a -> a.status() == ArticleStatus.PUBLISHED)
        .orElseThrow(() -> new NotFoundException("no published article '" + id + "'"));
    knowledge.feedback(id, kind);
  }
}
