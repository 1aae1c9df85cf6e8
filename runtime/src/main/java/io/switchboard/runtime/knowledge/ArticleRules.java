package io.switchboard.runtime.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a valid article is. {@link #problem} names the first field that is wrong, as
 * {@code "field: what is wrong"}, so that a 400, an import row and a screen can all show it.
 */
final class ArticleRules {
  static final int MAX_TITLE = 300;
  static final int MAX_TEXT = 100_000;
  static final int MAX_PRODUCT = 200;
  static final int MAX_TAG = 50;
  static final int MAX_TAGS = 20;

  private ArticleRules() {}

  /** The first problem of a draft, or empty when it can be saved. */
  static Optional<String> problem(ArticleDraft d) {
    String title = strip(d.title());
    if (title == null || title.isEmpty() || title.length() > MAX_TITLE) {
      return Optional.of("title: a title of 1 to " + MAX_TITLE + " characters is required");
    }
    if (d.problem() != null && d.problem().length() > MAX_TEXT) {
      return Optional.of("problem: at most " + MAX_TEXT + " characters");
    }
    String solution = strip(d.solution());
    if (solution == null || solution.isEmpty() || solution.length() > MAX_TEXT) {
      return Optional.of("solution: a solution of 1 to " + MAX_TEXT + " characters is required");
    }
    String product = strip(d.product());
    if (product != null && product.length() > MAX_PRODUCT) {
      return Optional.of("product: at most " + MAX_PRODUCT + " characters");
    }
    String language = strip(d.language());
    if (language == null || !KnowledgeAnalysis.supported(language.toLowerCase(Locale.ROOT))) {
      return Optional.of("language: '" + (language == null ? "" : language) + "' is not one of "
          + String.join(", ", KnowledgeAnalysis.LANGUAGES));
    }
    if (d.tags().size() > MAX_TAGS) {
      return Optional.of("tags: at most " + MAX_TAGS + " tags");
    }
    for (String tag : d.tags()) {
      String t = strip(tag);
      if (t == null || t.isEmpty() || t.length() > MAX_TAG || t.contains("|") || t.contains(";")) {
        return Optional.of("tags: a tag has 1 to " + MAX_TAG + " characters and no '|' or ';', not '" + tag + "'");
      }
    }
    if (d.status() != null && ArticleStatus.parse(d.status()).isEmpty()) {
      return Optional.of("status: '" + d.status() + "' is not one of draft, published, archived");
    }
    return Optional.empty();
  }

  static String title(ArticleDraft d) {
    return strip(d.title());
  }

  static String problemText(ArticleDraft d) {
    return d.problem() == null ? "" : d.problem().strip();
  }

  static String solution(ArticleDraft d) {
    return d.solution().strip();
  }

  static String product(ArticleDraft d) {
    String p = strip(d.product());
    return p == null || p.isEmpty() ? null : p;
  }

  static String language(ArticleDraft d) {
    return d.language().strip().toLowerCase(Locale.ROOT);
  }

  /** Tags lower-cased, each once, in the order given. */
  static List<String> tags(ArticleDraft d) {
    Set<String> tags = new LinkedHashSet<>();
    d.tags().forEach(t -> tags.add(t.strip().toLowerCase(Locale.ROOT)));
    return new ArrayList<>(tags);
  }

  /** Splits a tag list written as {@code a; b} or {@code a|b}. */
  static List<String> splitTags(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split("[;|]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }
}
