package io.switchboard.runtime.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an article stands: only published articles reach customers and flows. */
public enum ArticleStatus {
  DRAFT, PUBLISHED, ARCHIVED;

  /** The lower-case name stored and shown ({@code draft}, {@code published}, {@code archived}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ArticleStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
  }
}
