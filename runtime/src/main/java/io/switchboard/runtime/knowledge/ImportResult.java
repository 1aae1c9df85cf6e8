package io.switchboard.runtime.knowledge;

import java.util.List;

/**
 * What an import did: every article imported, or nothing when any row or file was bad.
 *
 * @param imported how many articles were created (0 when there are problems)
 * @param problems each bad row or file with its line number (1 is the CSV header) and what is wrong
 */
public record ImportResult(int imported, List<Problem> problems) {
  public ImportResult {
    problems = List.copyOf(problems);
  }

  /** A bad row or file: {@code source} is the file name for Markdown, null for a CSV body. */
  public record Problem(String source, int line, String message) {}

  public boolean ok() {
    return problems.isEmpty();
  }
}
