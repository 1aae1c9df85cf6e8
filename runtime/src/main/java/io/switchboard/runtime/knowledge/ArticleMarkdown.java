package io.switchboard.runtime.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article from a Markdown file: an optional front matter block between {@code ---} lines with
 * {@code key: value} lines (title, product, language, tags, status; tags as {@code a; b}, {@code a|b}
 * or {@code [a, b]}), then the body. A body with {@code ## Problem} and {@code ## Solution} headings
 * is split by them; otherwise the whole body is the solution. Without a title in the front matter the
 * first {@code # heading} is the title.
 */
final class ArticleMarkdown {
  private static final List<String> KEYS = List.of("title", "product", "language", "tags", "status");
  private static final Pattern FIELD = Pattern.compile("([A-Za-z]+)\\s*:\\s*(.*)");
  private static final Pattern HEADING = Pattern.compile("(?m)^##\\s+(Problem|Solution)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE = Pattern.compile("(?m)\\A\\s*#\\s+(.+)$");

  private ArticleMarkdown() {}

  static ArticleCsv.Parsed parse(String source, String markdown) {
    List<ImportResult.Problem> problems = new ArrayList<>();
    String text = (markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown).replace("\r\n", "\n");
    Map<String, String> front = new LinkedHashMap<>();
    String body = text;
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---", 3);
      if (end < 0) {
        return new ArticleCsv.Parsed(List.of(), List.of(new ImportResult.Problem(source, 1,
            "the front matter that starts at line 1 has no closing '---' line")));
      }
      String[] lines = text.substring(4, end).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        Matcher m = FIELD.matcher(line.strip());
        String key = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
        if (key == null || !KEYS.contains(key)) {
          problems.add(new ImportResult.Problem(source, i + 2, "front matter: '" + line.strip()
              + "' is not one of " + String.join(", ", KEYS) + " as 'key: value'"));
          continue;
        }
        front.put(key, unquote(m.group(2).strip()));
      }
      int after = text.indexOf('\n', end + 1);
      body = after < 0 ? "" : text.substring(after + 1);
    }
    String title = front.get("title");
    if (title == null) {
      Matcher m = TITLE.matcher(body);
      if (m.find()) {
        title = m.group(1).strip();
        body = body.substring(m.end());
      }
    }
    String problem = "";
    String solution = body.strip();
    Matcher headings = HEADING.matcher(body);
    List<int[]> marks = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (headings.find()) {
      marks.add(new int[] {headings.start(), headings.end()});
      names.add(headings.group(1).toLowerCase(Locale.ROOT));
    }
    if (names.contains("solution")) {
      solution = "";
      for (int i = 0; i < marks.size(); i++) {
        int stop = i + 1 < marks.size() ? marks.get(i + 1)[0] : body.length();
        String part = body.substring(marks.get(i)[1], stop).strip();
        if (names.get(i).equals("problem")) {
          problem = part;
        } else {
          solution = part;
        }
      }
    }
    ArticleDraft draft = new ArticleDraft(title, problem, solution, front.get("product"), front.get("language"),
        tags(front.get("tags")), front.get("status"));
    return new ArticleCsv.Parsed(problems.isEmpty() ? List.of(new ImportRow(source, 1, draft)) : List.of(), problems);
  }

  private static List<String> tags(String value) {
    if (value == null) {
      return List.of();
    }
    if (value.startsWith("[") && value.endsWith("]")) {
      return Arrays.stream(value.substring(1, value.length() - 1).split(",")).map(t -> unquote(t.strip()))
          .filter(t -> !t.isEmpty()).toList();
    }
    return ArticleRules.splitTags(value);
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
