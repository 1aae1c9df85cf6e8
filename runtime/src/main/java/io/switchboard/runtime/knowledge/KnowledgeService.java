package io.switchboard.runtime.knowledge;

import io.switchboard.runtime.engine.Ids;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.runtime.service.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The knowledge base: articles written, versioned, published, archived, deleted, imported and searched.
 * Every change is one transaction in the database, then goes into this instance's index at once;
 * other instances pick it up with their {@link KnowledgeSync}. Screens and controllers come here.
 */
public final class KnowledgeService {
  private static final int MAX_LIMIT = 100;
  private static final int MAX_LIST = 500;

  private final KnowledgeRepository repository;
  private final KnowledgeIndex index;
  private final KnowledgeSearch search;
  private final Clock clock;
  private final Ids ids;

  public KnowledgeService(KnowledgeRepository repository, KnowledgeIndex index, KnowledgeAnalysis analysis, Clock clock,
      Ids ids) {
    this.repository = repository;
    this.index = index;
    this.search = new KnowledgeSearch(analysis);
    this.clock = clock;
    this.ids = ids;
  }

  /** A new article (a draft unless the draft says otherwise), version 1. */
  public Article create(ArticleDraft draft, String author) {
    valid(draft);
    Article article = newArticle(draft, author, clock.millis());
    repository.dsl().transaction(c -> repository.insert(c.dsl(), article, article.updatedAt()));
    indexed(article);
    return article;
  }

  /** Saves new content as the next version; a null status keeps the article's status. */
  public Article update(String id, ArticleDraft draft, String author) {
    valid(draft);
    Article old = get(id);
    ArticleStatus status = draft.status() == null ? old.status() : ArticleStatus.parse(draft.status()).orElseThrow();
    return save(old, new Article(id, ArticleRules.title(draft), ArticleRules.problemText(draft),
        ArticleRules.solution(draft), ArticleRules.product(draft), ArticleRules.language(draft), ArticleRules.tags(draft),
        status, author, old.version() + 1, old.helped(), old.notHelped(), old.sent(), old.views(), old.createdAt(),
        clock.millis()));
  }

  /** Publishes the article: customers and flows find it from now on. */
  public Article publish(String id, String by) {
    return status(id, ArticleStatus.PUBLISHED, by);
  }

  /** Archives the article: it stays, with its versions, but nobody outside the admin screens finds it. */
  public Article archive(String id, String by) {
    return status(id, ArticleStatus.ARCHIVED, by);
  }

  /** Sets the status as a new version with the same content. */
  public Article status(String id, ArticleStatus status, String by) {
    Article old = get(id);
    if (old.status() == status) {
      return old;
    }
    return save(old, new Article(id, old.title(), old.problem(), old.solution(), old.product(), old.language(),
        old.tags(), status, by, old.version() + 1, old.helped(), old.notHelped(), old.sent(), old.views(),
        old.createdAt(), clock.millis()));
  }

  /** Deletes the article and its versions. */
  public void delete(String id) {
    boolean[] deleted = {false};
    repository.dsl().transaction(c -> deleted[0] = repository.delete(c.dsl(), id, clock.millis()));
    if (!deleted[0]) {
      throw new NotFoundException("no article '" + id + "'");
    }
    index.delete(id);
    index.commit();
  }

  public Article get(String id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("no article '" + id + "'"));
  }

  public Optional<Article> find(String id) {
    return repository.find(id);
  }

  /** A published article as a customer reads it (counted as a view); anything else is not found. */
  public Article readPublished(String id) {
    Article a = repository.find(id).filter(x -> x.status() == ArticleStatus.PUBLISHED)
        .orElseThrow(() -> new NotFoundException("no published article '" + id + "'"));
    repository.countView(id);
    return a;
  }

  /** Articles by product, language, tag and status, newest change first. */
  public List<Article> list(ArticleFilter filter) {
    if (filter.limit() < 1 || filter.limit() > MAX_LIST || filter.offset() < 0) {
      throw new BadRequestException("limit: 1 to " + MAX_LIST + ", offset: 0 or more");
    }
    ArticleStatus status = filter.status();
    return repository.list(new ArticleFilter(blankToNull(filter.product()), lower(filter.language()),
        lower(filter.tag()), status, filter.offset(), filter.limit()));
  }

  /** Every saved version, newest first. */
  public List<ArticleVersion> versions(String id) {
    get(id);
    return repository.versions(id);
  }

  /** Counts what a reader said; helped and sent raise the article in later searches. */
  public Article feedback(String id, Feedback kind) {
    if (!repository.count(id, kind, clock.millis())) {
      throw new NotFoundException("no article '" + id + "'");
    }
    Article a = get(id);
    if (kind != Feedback.NOT_HELPED) {
      indexed(a);
    }
    return a;
  }

  /** Imports a CSV file: every row, or nothing when any row is bad. */
  public ImportResult importCsv(String csv, String author) {
    return importRows(ArticleCsv.parse(csv == null ? "" : csv), author);
  }

  /** Imports Markdown files (name → content): every file, or nothing when any is bad. */
  public ImportResult importMarkdown(Map<String, String> files, String author) {
    List<ImportRow> rows = new ArrayList<>();
    List<ImportResult.Problem> problems = new ArrayList<>();
    files.forEach((name, text) -> {
      ArticleCsv.Parsed parsed = ArticleMarkdown.parse(name, text);
      rows.addAll(parsed.rows());
      problems.addAll(parsed.problems());
    });
    return importRows(new ArticleCsv.Parsed(rows, problems), author);
  }

  /**
   * Imports a CSV file once for the whole cluster, into an empty knowledge base only: the claim
   * {@code name} and the articles are written in one transaction, so two instances starting together
   * load it once. Nothing is imported when the claim was taken before or there are articles already.
   */
  public ImportResult importOnce(String name, String csv, String author) {
    ArticleCsv.Parsed parsed = ArticleCsv.parse(csv);
    List<ImportResult.Problem> problems = problems(parsed);
    if (!problems.isEmpty()) {
      return new ImportResult(0, problems);
    }
    long now = clock.millis();
    List<Article> articles = parsed.rows().stream().map(r -> newArticle(r.draft(), author, now)).toList();
    boolean imported = repository.dsl().transactionResult(c -> {
      if (!repository.claim(c.dsl(), name, now) || repository.count(c.dsl()) > 0) {
        return false;
      }
      articles.forEach(a -> repository.insert(c.dsl(), a, now));
      return true;
    });
    if (!imported) {
      return new ImportResult(0, List.of());
    }
    articles.forEach(index::put);
    index.commit();
    return new ImportResult(articles.size(), List.of());
  }

  /** Searches the index; see {@link KnowledgeSearch} for how the score is made. */
  public List<SearchHit> search(SearchRequest request) {
    if (request.limit() < 1 || request.limit() > MAX_LIMIT) {
      throw new BadRequestException("limit: 1 to " + MAX_LIMIT + ", not " + request.limit());
    }
    String language = lower(request.language());
    if (language != null && !KnowledgeAnalysis.supported(language)) {
      throw new BadRequestException("language: '" + request.language() + "' is not one of "
          + String.join(", ", KnowledgeAnalysis.LANGUAGES));
    }
    SearchRequest normal = new SearchRequest(request.text(), language, blankToNull(request.product()),
        request.tags().stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList(), request.statuses(),
        request.limit(), request.explain());
    return index.withSearcher(searcher -> search.run(searcher, normal));
  }

  /** The index this service writes to (for health, tests and the benchmark). */
  public KnowledgeIndex index() {
    return index;
  }

  private static List<ImportResult.Problem> problems(ArticleCsv.Parsed parsed) {
    List<ImportResult.Problem> problems = new ArrayList<>(parsed.problems());
    for (ImportRow row : parsed.rows()) {
      ArticleRules.problem(row.draft()).ifPresent(p -> problems.add(new ImportResult.Problem(row.source(), row.line(), p)));
    }
    return problems;
  }

  private ImportResult importRows(ArticleCsv.Parsed parsed, String author) {
    List<ImportResult.Problem> problems = problems(parsed);
    if (!problems.isEmpty()) {
      return new ImportResult(0, problems);
    }
    if (parsed.rows().isEmpty()) {
      return new ImportResult(0, List.of(new ImportResult.Problem(null, 1, "there is no article to import")));
    }
    long now = clock.millis();
    List<Article> articles = parsed.rows().stream().map(r -> newArticle(r.draft(), author, now)).toList();
    repository.dsl().transaction(c -> articles.forEach(a -> repository.insert(c.dsl(), a, now)));
    articles.forEach(index::put);
    index.commit();
    return new ImportResult(articles.size(), List.of());
  }

  private Article save(Article old, Article next) {
    boolean[] saved = {false};
    repository.dsl().transaction(c -> saved[0] = repository.update(c.dsl(), next, next.updatedAt()));
    if (!saved[0]) {
      throw new ConflictException("article '" + old.id() + "' was saved by someone else meanwhile; load it again");
    }
    indexed(next);
    return next;
  }

  private Article newArticle(ArticleDraft d, String author, long now) {
    ArticleStatus status = d.status() == null ? ArticleStatus.DRAFT : ArticleStatus.parse(d.status()).orElseThrow();
    return new Article(ids.next(), ArticleRules.title(d), ArticleRules.problemText(d), ArticleRules.solution(d),
        ArticleRules.product(d), ArticleRules.language(d), ArticleRules.tags(d), status, author == null ? "system" : author,
        1, 0, 0, 0, 0, now, now);
  }

  private void indexed(Article a) {
    index.put(a);
    index.commit();
  }

  private static void valid(ArticleDraft draft) {
    if (draft == null) {
      throw new BadRequestException("a body {title, problem, solution, product, language, tags, status} is required");
    }
    ArticleRules.problem(draft).ifPresent(p -> {
      throw new BadRequestException(p);
    });
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String lower(String s) {
    String b = blankToNull(s);
    return b == null ? null : b.toLowerCase(Locale.ROOT);
  }
}
