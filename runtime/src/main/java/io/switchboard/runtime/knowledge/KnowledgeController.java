package io.switchboard.runtime.knowledge;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The knowledge base for agents, supervisors and admins: articles, their versions, imports, search and feedback. */
@RestController
@Tag(name = "Knowledge", description = "Knowledge articles (problem and solution), versions, import, search, feedback")
public class KnowledgeController {
  private final KnowledgeService knowledge;

  public KnowledgeController(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  /** An article as written: Markdown problem and solution; tags as a list; status draft, published or archived. */
  public record ArticleBody(String title, String problem, String solution, String product, String language,
      List<String> tags, String status) {
    ArticleDraft draft() {
      return new ArticleDraft(title, problem, solution, product, language, tags, status);
    }
  }

  /** An article with its Markdown, its sanitized HTML and its usage. */
  public record ArticleView(String id, String title, String problem, String solution, String problemHtml,
      String solutionHtml, String product, String language, List<String> tags, String status, String author,
      int version, long helped, long notHelped, long sent, long views, Instant createdAt, Instant updatedAt) {
    static ArticleView of(Article a) {
      return new ArticleView(a.id(), a.title(), a.problem(), a.solution(), ArticleText.html(a.problem()),
          ArticleText.html(a.solution()), a.product(), a.language(), a.tags(), a.status().id(), a.author(), a.version(),
          a.helped(), a.notHelped(), a.sent(), a.views(), Instant.ofEpochMilli(a.createdAt()),
          Instant.ofEpochMilli(a.updatedAt()));
    }
  }

  /** One saved version. */
  public record VersionView(int version, String savedBy, Instant savedAt, String title, String problem, String solution,
      String product, String language, List<String> tags, String status) {
    static VersionView of(ArticleVersion v) {
      return new VersionView(v.version(), v.savedBy(), Instant.ofEpochMilli(v.savedAt()), v.title(), v.problem(),
          v.solution(), v.product(), v.language(), v.tags(), v.status().id());
    }
  }

  /** One search result. */
  public record HitView(String id, String title, double score, List<String> snippets, String product, String language,
      String status, List<String> tags, String explanation) {
    static HitView of(SearchHit h) {
      return new HitView(h.id(), h.title(), h.score(), h.snippets(), h.product(), h.language(), h.status().id(),
          h.tags(), h.explanation());
    }
  }

  public record FeedbackBody(String kind) {}

  @GetMapping("/api/knowledge/articles")
  @Operation(summary = "Articles, newest change first", description = "Filters: product (exact, any case), language, "
      + "tag, status (draft | published | archived); offset and limit (1 to 500, default 100).")
  public List<ArticleView> list(@RequestParam(required = false) String product,
      @RequestParam(required = false) String language, @RequestParam(required = false) String tag,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "100") int limit) {
    return knowledge.list(new ArticleFilter(product, language, tag, status(status), offset, limit)).stream()
        .map(ArticleView::of).toList();
  }

  @PostMapping("/api/knowledge/articles")
  @Operation(summary = "Write a new article (a draft unless status says otherwise)", description = "{title, problem, "
      + "solution, product, language (ISO 639-1), tags: [..], status}; problem and solution are Markdown.")
  public ResponseEntity<ArticleView> create(HttpServletRequest request, @RequestBody(required = false) ArticleBody body) {
    Article a = knowledge.create(body == null ? null : body.draft(), author(request));
    return ResponseEntity.status(HttpStatus.CREATED).body(ArticleView.of(a));
  }

  @GetMapping("/api/knowledge/articles/{id}")
  @Operation(summary = "One article")
  public ArticleView get(@PathVariable String id) {
    return ArticleView.of(knowledge.get(id));
  }

  @PutMapping("/api/knowledge/articles/{id}")
  @Operation(summary = "Save an article as its next version", description = "The same body as for a new article; a "
      + "missing status keeps the article's, a status publishes or archives it with this content.")
  public ArticleView update(HttpServletRequest request, @PathVariable String id,
      @RequestBody(required = false) ArticleBody body) {
    return ArticleView.of(knowledge.update(id, body == null ? null : body.draft(), author(request)));
  }

  @PostMapping("/api/knowledge/articles/{id}/publish")
  @Operation(summary = "Publish an article: customers and flows find it")
  public ArticleView publish(HttpServletRequest request, @PathVariable String id) {
    return ArticleView.of(knowledge.publish(id, author(request)));
  }

  @PostMapping("/api/knowledge/articles/{id}/archive")
  @Operation(summary = "Archive an article: kept with its versions, found only by searches that ask for archived ones")
  public ArticleView archive(HttpServletRequest request, @PathVariable String id) {
    return ArticleView.of(knowledge.archive(id, author(request)));
  }

  @DeleteMapping("/api/knowledge/articles/{id}")
  @Operation(summary = "Delete an article and its versions")
  public ResponseEntity<Void> delete(@PathVariable String id) {
    knowledge.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/knowledge/articles/{id}/versions")
  @Operation(summary = "Every saved version of an article, newest first, with who saved it and when")
  public List<VersionView> versions(@PathVariable String id) {
    return knowledge.versions(id).stream().map(VersionView::of).toList();
  }

  @PostMapping("/api/knowledge/articles/{id}/feedback")
  @Operation(summary = "Say whether an article helped, or that it was sent to a customer",
      description = "{kind: helped | not-helped | sent}; helped and sent raise it in later searches.")
  public ArticleView feedback(@PathVariable String id, @RequestBody(required = false) FeedbackBody body) {
    return ArticleView.of(knowledge.feedback(id, feedback(body == null ? null : body.kind())));
  }

  @PostMapping(path = "/api/knowledge/articles/import", consumes = {"text/csv", "text/plain"})
  @Operation(summary = "Import articles from CSV", description = "A header row: title, problem, solution, product, "
      + "language, tags (separated by ';' or '|'), status. 400 with every bad row's line number; nothing is imported then.")
  public ResponseEntity<Map<String, Object>> importCsv(HttpServletRequest request,
      @RequestBody(required = false) String csv) {
    return answer(knowledge.importCsv(csv, author(request)));
  }

  @PostMapping(path = "/api/knowledge/articles/import", consumes = "text/markdown")
  @Operation(summary = "Import one article from Markdown", description = "A front matter block (title, product, "
      + "language, tags, status) between '---' lines, then the body: '## Problem' and '## Solution' sections, or the solution.")
  public ResponseEntity<Map<String, Object>> importMarkdown(HttpServletRequest request,
      @RequestBody(required = false) String markdown) {
    return answer(knowledge.importMarkdown(Map.of("article.md", markdown == null ? "" : markdown), author(request)));
  }

  @PostMapping(path = "/api/knowledge/articles/import", consumes = "multipart/form-data")
  @Operation(summary = "Import CSV and Markdown files together", description = "Parts named 'files': *.csv files as "
      + "CSV, any other file as Markdown. All or nothing.")
  public ResponseEntity<Map<String, Object>> importFiles(HttpServletRequest request,
      @RequestPart("files") List<MultipartFile> files) {
    Map<String, String> markdown = new LinkedHashMap<>();
    List<String> csvs = new ArrayList<>();
    for (MultipartFile file : files) {
      String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
      String text = text(file);
      if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        csvs.add(text);
      } else {
        markdown.put(name, text);
      }
    }
    if (csvs.size() + (markdown.isEmpty() ? 0 : 1) != 1) {
      throw new BadRequestException("files: send one CSV file, or Markdown files, in one import");
    }
    String by = author(request);
    return answer(csvs.isEmpty() ? knowledge.importMarkdown(markdown, by) : knowledge.importCsv(csvs.getFirst(), by));
  }

  @GetMapping("/api/knowledge/search")
  @Operation(summary = "Search the knowledge base", description = "q: the question, or a whole e-mail (over 25 words: "
      + "its most significant terms); language, product, tags (comma-separated, all required), status (comma-separated, "
      + "default published), limit (1 to 100, default 10), explain=true for Lucene's explanation of each score. "
      + "Snippets mark matching words with <mark>; other text is HTML-escaped.")
  public List<HitView> search(@RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String language, @RequestParam(required = false) String product,
      @RequestParam(required = false) String tags, @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "10") int limit, @RequestParam(defaultValue = "false") boolean explain) {
    Set<ArticleStatus> statuses = status == null || status.isBlank() ? Set.of(ArticleStatus.PUBLISHED)
        : Arrays.stream(status.split(",")).map(KnowledgeController::status).collect(Collectors.toSet());
    return knowledge.search(new SearchRequest(q, language, product, list(tags), statuses, limit, explain)).stream()
        .map(HitView::of).toList();
  }

  static List<String> list(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isBlank() ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static ArticleStatus status(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return ArticleStatus.parse(text).orElseThrow(() -> new BadRequestException("status: '" + text
        + "' is not one of draft, published, archived"));
  }

  static Feedback feedback(String kind) {
    return Feedback.parse(kind).orElseThrow(() -> new BadRequestException("kind: '" + kind
        + "' is not one of helped, not-helped, sent"));
  }

  private static ResponseEntity<Map<String, Object>> answer(ImportResult result) {
    if (!result.ok()) {
      return ResponseEntity.badRequest().body(Map.of("status", 400, "error", "nothing was imported: "
          + (result.problems().size() == 1 ? "1 problem" : result.problems().size() + " problems") + " to fix", "problems", result.problems()));
    }
    return ResponseEntity.ok(Map.of("imported", result.imported()));
  }

  private static String author(HttpServletRequest request) {
    String user = Caller.of(request).username();
    return user == null ? "anonymous" : user;
  }

  private static String text(MultipartFile file) {
    try {
      return new String(file.getBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
