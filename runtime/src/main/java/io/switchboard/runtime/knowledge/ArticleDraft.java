package io.switchboard.runtime.knowledge;

import java.util.List;

/**
 * An article as written by its author, before validation. A null status means draft on create and
 * "unchanged" on update.
 */
public record ArticleDraft(String title, String problem, String solution, String product, String language,
    List<String> tags, String status) {
  public ArticleDraft {
    tags = tags == null ? List.of() : tags;
  }
}
