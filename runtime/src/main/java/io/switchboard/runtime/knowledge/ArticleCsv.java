package io.switchboard.runtime.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Articles from CSV: a header row naming the columns title, problem, solution, product, language,
 * tags (separated by ';' or '|') and status, in any order and any case; title, solution and language
 * are required. Line numbers count the header as line 1; a quoted value may span lines.
 */
final class ArticleCsv {
  static final List<String> COLUMNS = List.of("title", "problem", "solution", "product", "language", "tags", "status");
  private static final List<String> REQUIRED = List.of("title", "solution", "language");

  private ArticleCsv() {}

  /** The rows, or the problems that make the whole file unusable or single rows bad. */
  static Parsed parse(String csv) {
    List<ImportRow> rows = new ArrayList<>();
    List<ImportResult.Problem> problems = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(true).get();
    String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
      Map<String, Integer> columns = new TreeMap<>();
      parser.getHeaderMap().forEach((name, index) -> columns.put(name.strip().toLowerCase(Locale.ROOT), index));
      for (String required : REQUIRED) {
        if (!columns.containsKey(required)) {
          problems.add(new ImportResult.Problem(null, 1, "the header has no '" + required + "' column; columns are "
              + String.join(", ", COLUMNS)));
        }
      }
      for (String name : columns.keySet()) {
        if (!COLUMNS.contains(name)) {
          problems.add(new ImportResult.Problem(null, 1, "unknown column '" + name + "'; columns are "
              + String.join(", ", COLUMNS)));
        }
      }
      if (!problems.isEmpty()) {
        return new Parsed(rows, problems);
      }
      LineCounter lines = new LineCounter(body);
      for (CSVRecord record : parser) {
        int line = lines.lineAt(record.getCharacterPosition());
        if (record.size() != columns.size()) {
          problems.add(new ImportResult.Problem(null, line, "the row has " + record.size() + " values, the header "
              + columns.size()));
          continue;
        }
        ArticleDraft draft = new ArticleDraft(get(record, columns, "title"), get(record, columns, "problem"),
            get(record, columns, "solution"), get(record, columns, "product"), get(record, columns, "language"),
            ArticleRules.splitTags(get(record, columns, "tags")), blankToNull(get(record, columns, "status")));
        rows.add(new ImportRow(null, line, draft));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      problems.add(new ImportResult.Problem(null, 1, "not readable as CSV: " + e.getMessage()));
    }
    return new Parsed(rows, problems);
  }

  /** What a file gave: rows to validate, and problems found while reading it. */
  record Parsed(List<ImportRow> rows, List<ImportResult.Problem> problems) {}

  private static String get(CSVRecord record, Map<String, Integer> columns, String name) {
    Integer index = columns.get(name);
    return index == null ? null : record.get(index);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The 1-based line of a character position, for positions that only grow. */
  private static final class LineCounter {
    private final String text;
    private int position;
    private int line = 1;

    LineCounter(String text) {
      this.text = text;
    }

    /** The line of the first character at or after {@code target} that is not a line break (empty lines are skipped). */
    int lineAt(long target) {
      while (position < text.length() && (position < target || text.charAt(position) == '\n'
          || text.charAt(position) == '\r')) {
        if (text.charAt(position++) == '\n') {
          line++;
        }
      }
      return line;
    }
  }
}
