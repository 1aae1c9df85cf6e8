package io.switchboard.runtime.knowledge;

import static io.switchboard.runtime.store.jooq.Tables.KB_ARTICLE;
import static io.switchboard.runtime.store.jooq.Tables.KB_ARTICLE_DELETED;
import static io.switchboard.runtime.store.jooq.Tables.KB_ARTICLE_VERSION;
import static io.switchboard.runtime.store.jooq.Tables.KB_CLAIM;

import io.switchboard.runtime.store.jooq.tables.records.KbArticleRecord;
import io.switchboard.runtime.store.jooq.tables.records.KbArticleVersionRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Articles, their versions, tombstones of deleted ones and cluster-wide claims. Tags are stored as
 * {@code |a|b|} so that a tag filter is one LIKE. Every method that writes takes the transaction's
 * {@link DSLContext} from the service, or runs alone.
 */
public final class KnowledgeRepository {
  private final DSLContext dsl;

  public KnowledgeRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public DSLContext dsl() {
    return dsl;
  }

  /** Inserts a new article and its first version. */
  public void insert(DSLContext tx, Article a, long changedAt) {
    KbArticleRecord r = tx.newRecord(KB_ARTICLE);
    fill(r, a);
    r.setId(a.id());
    r.setHelped(a.helped());
    r.setNotHelped(a.notHelped());
    r.setSent(a.sent());
    r.setViews(a.views());
    r.setCreatedAt(a.createdAt());
    r.setChangedAt(changedAt);
    r.insert();
    insertVersion(tx, a);
  }

  /**
   * Writes the new content of an article whose stored version is {@code expectedVersion - 1}, and the
   * version row; false when someone else saved in between.
   */
  public boolean update(DSLContext tx, Article a, long changedAt) {
    int rows = tx.update(KB_ARTICLE).set(KB_ARTICLE.TITLE, a.title()).set(KB_ARTICLE.PROBLEM, a.problem())
        .set(KB_ARTICLE.SOLUTION, a.solution()).set(KB_ARTICLE.PRODUCT, a.product())
        .set(KB_ARTICLE.LANGUAGE, a.language()).set(KB_ARTICLE.TAGS, tags(a.tags()))
        .set(KB_ARTICLE.STATUS, a.status().id()).set(KB_ARTICLE.AUTHOR, a.author())
        .set(KB_ARTICLE.VERSION, a.version()).set(KB_ARTICLE.UPDATED_AT, a.updatedAt())
        .set(KB_ARTICLE.CHANGED_AT, changedAt)
        .where(KB_ARTICLE.ID.eq(a.id()).and(KB_ARTICLE.VERSION.eq(a.version() - 1))).execute();
    if (rows == 0) {
      return false;
    }
    insertVersion(tx, a);
    return true;
  }

  /** Adds one to a usage counter; helped and sent move changed_at, since the ranking uses them. */
  public boolean count(String id, Feedback kind, long now) {
    var update = switch (kind) {
      case HELPED -> dsl.update(KB_ARTICLE).set(KB_ARTICLE.HELPED, KB_ARTICLE.HELPED.plus(1))
          .set(KB_ARTICLE.CHANGED_AT, now);
      case SENT -> dsl.update(KB_ARTICLE).set(KB_ARTICLE.SENT, KB_ARTICLE.SENT.plus(1)).set(KB_ARTICLE.CHANGED_AT, now);
      case NOT_HELPED -> dsl.update(KB_ARTICLE).set(KB_ARTICLE.NOT_HELPED, KB_ARTICLE.NOT_HELPED.plus(1));
    };
    return update.where(KB_ARTICLE.ID.eq(id)).execute() > 0;
  }

  public void countView(String id) {
    dsl.update(KB_ARTICLE).set(KB_ARTICLE.VIEWS, KB_ARTICLE.VIEWS.plus(1)).where(KB_ARTICLE.ID.eq(id)).execute();
  }

  /** Deletes an article and its versions, leaving a tombstone for the other instances' indexes. */
  public boolean delete(DSLContext tx, String id, long now) {
    tx.deleteFrom(KB_ARTICLE_VERSION).where(KB_ARTICLE_VERSION.ARTICLE_ID.eq(id)).execute();
    if (tx.deleteFrom(KB_ARTICLE).where(KB_ARTICLE.ID.eq(id)).execute() == 0) {
      return false;
    }
    tx.insertInto(KB_ARTICLE_DELETED).set(KB_ARTICLE_DELETED.ID, id).set(KB_ARTICLE_DELETED.DELETED_AT, now).execute();
    return true;
  }

  public Optional<Article> find(String id) {
    return dsl.selectFrom(KB_ARTICLE).where(KB_ARTICLE.ID.eq(id)).fetchOptional(KnowledgeRepository::article);
  }

  public List<Article> list(ArticleFilter f) {
    List<Condition> where = new ArrayList<>();
    if (f.product() != null) {
      where.add(DSL.lower(KB_ARTICLE.PRODUCT).eq(f.product().toLowerCase(Locale.ROOT)));
    }
    if (f.language() != null) {
      where.add(KB_ARTICLE.LANGUAGE.eq(f.language()));
    }
    if (f.tag() != null) {
      where.add(KB_ARTICLE.TAGS.like("%|" + f.tag().toLowerCase(Locale.ROOT) + "|%"));
    }
    if (f.status() != null) {
      where.add(KB_ARTICLE.STATUS.eq(f.status().id()));
    }
    return dsl.selectFrom(KB_ARTICLE).where(where).orderBy(KB_ARTICLE.UPDATED_AT.desc(), KB_ARTICLE.ID)
        .limit(f.limit()).offset(f.offset()).fetch(KnowledgeRepository::article);
  }

  public List<ArticleVersion> versions(String id) {
    return dsl.selectFrom(KB_ARTICLE_VERSION).where(KB_ARTICLE_VERSION.ARTICLE_ID.eq(id))
        .orderBy(KB_ARTICLE_VERSION.VERSION.desc()).fetch(KnowledgeRepository::version);
  }

  /** Every article in id order, one page at a time (for a rebuild of the index). */
  public void forEach(Consumer<Article> each) {
    String after = "";
    while (true) {
      List<Article> page = dsl.selectFrom(KB_ARTICLE).where(KB_ARTICLE.ID.gt(after)).orderBy(KB_ARTICLE.ID).limit(1000)
          .fetch(KnowledgeRepository::article);
      page.forEach(each);
      if (page.size() < 1000) {
        return;
      }
      after = page.getLast().id();
    }
  }

  /** Articles changed after ({@code since}, {@code afterId}), oldest change first, with their change time: a page of a catch-up. */
  public List<Changed> changedSince(long since, String afterId, int limit) {
    return dsl.selectFrom(KB_ARTICLE)
        .where(KB_ARTICLE.CHANGED_AT.gt(since).or(KB_ARTICLE.CHANGED_AT.eq(since).and(KB_ARTICLE.ID.gt(afterId))))
        .orderBy(KB_ARTICLE.CHANGED_AT, KB_ARTICLE.ID).limit(limit)
        .fetch(r -> new Changed(article(r), r.getChangedAt()));
  }

  /** An article as changed at a moment. */
  public record Changed(Article article, long changedAt) {}

  /** Ids of articles deleted after {@code since}, with when. */
  public List<Deleted> deletedSince(long since) {
    return dsl.selectFrom(KB_ARTICLE_DELETED).where(KB_ARTICLE_DELETED.DELETED_AT.gt(since))
        .orderBy(KB_ARTICLE_DELETED.DELETED_AT).fetch(r -> new Deleted(r.getId(), r.getDeletedAt()));
  }

  public record Deleted(String id, long deletedAt) {}

  /**
   * What the index must agree with: the number of articles, the last change and the last deletion. An
   * index that recorded another signature is rebuilt.
   */
  public State state() {
    var r = dsl.select(DSL.count(), DSL.max(KB_ARTICLE.CHANGED_AT)).from(KB_ARTICLE).fetchOne();
    Record1<Long> deleted = dsl.select(DSL.max(KB_ARTICLE_DELETED.DELETED_AT)).from(KB_ARTICLE_DELETED).fetchOne();
    return new State(r.value1(), r.value2() == null ? 0 : r.value2(),
        deleted == null || deleted.value1() == null ? 0 : deleted.value1());
  }

  /** The database as the index sees it. */
  public record State(int count, long lastChange, long lastDeletion) {
    public String signature() {
      return count + ":" + lastChange + ":" + lastDeletion;
    }

    /** The newest change or deletion: where the next catch-up starts. */
    public long watermark() {
      return Math.max(lastChange, lastDeletion);
    }
  }

  public int count(DSLContext tx) {
    return tx.fetchCount(KB_ARTICLE);
  }

  /** Claims a piece of once-per-cluster work in {@code tx}; false when another instance claimed it before. */
  public boolean claim(DSLContext tx, String name, long now) {
    try {
      tx.insertInto(KB_CLAIM).set(KB_CLAIM.NAME, name).set(KB_CLAIM.CLAIMED_AT, now).execute();
      return true;
    } catch (IntegrityConstraintViolationException e) {
      return false;
    }
  }

  private static void fill(KbArticleRecord r, Article a) {
    r.setTitle(a.title());
    r.setProblem(a.problem());
    r.setSolution(a.solution());
    r.setProduct(a.product());
    r.setLanguage(a.language());
    r.setTags(tags(a.tags()));
    r.setStatus(a.status().id());
    r.setAuthor(a.author());
    r.setVersion(a.version());
    r.setUpdatedAt(a.updatedAt());
  }

  private static void insertVersion(DSLContext tx, Article a) {
    KbArticleVersionRecord v = tx.newRecord(KB_ARTICLE_VERSION);
    v.setArticleId(a.id());
    v.setVersion(a.version());
    v.setSavedBy(a.author());
    v.setSavedAt(a.updatedAt());
    v.setTitle(a.title());
    v.setProblem(a.problem());
    v.setSolution(a.solution());
    v.setProduct(a.product());
    v.setLanguage(a.language());
    v.setTags(tags(a.tags()));
    v.setStatus(a.status().id());
    v.insert();
  }

  static String tags(List<String> tags) {
    return tags.isEmpty() ? "" : "|" + String.join("|", tags) + "|";
  }

  static List<String> tags(String stored) {
    return stored == null || stored.isEmpty() ? List.of()
        : Arrays.stream(stored.split("\\|")).filter(t -> !t.isEmpty()).toList();
  }

  private static Article article(KbArticleRecord r) {
    return new Article(r.getId(), r.getTitle(), r.getProblem(), r.getSolution(), r.getProduct(), r.getLanguage(),
        tags(r.getTags()), ArticleStatus.parse(r.getStatus()).orElseThrow(), r.getAuthor(), r.getVersion(),
        r.getHelped(), r.getNotHelped(), r.getSent(), r.getViews(), r.getCreatedAt(), r.getUpdatedAt());
  }

  private static ArticleVersion version(KbArticleVersionRecord r) {
    return new ArticleVersion(r.getArticleId(), r.getVersion(), r.getSavedBy(), r.getSavedAt(), r.getTitle(),
        r.getProblem(), r.getSolution(), r.getProduct(), r.getLanguage(), tags(r.getTags()),
        ArticleStatus.parse(r.getStatus()).orElseThrow());
  }
}
