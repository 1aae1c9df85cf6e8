package io.switchboard.runtime.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleImportTest {
  @Test
  void aCsvHeaderWithoutTheRequiredColumnsOrWithUnknownOnesIsRefusedAtLineOne() {
    ArticleCsv.Parsed parsed = ArticleCsv.parse("title,answer,language\nA,B,en\n");
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems()).extracting(ImportResult.Problem::line).containsOnly(1);
    assertThat(parsed.problems()).extracting(ImportResult.Problem::message)
        .anyMatch(m -> m.startsWith("the header has no 'solution' column"))
        .anyMatch(m -> m.startsWith("unknown column 'answer'"));
  }

  @Test
  void aCsvRowWithTooManyValuesIsReportedAtItsLine() {
    ArticleCsv.Parsed parsed = ArticleCsv.parse("title,solution,language\nA,B,en\n\nC,D,en,extra\n");
    assertThat(parsed.rows()).extracting(ImportRow::line).containsExactly(2);
    assertThat(parsed.problems()).extracting(ImportResult.Problem::line).containsExactly(4);
  }

  @Test
  void markdownWithoutFrontMatterTakesItsFirstHeadingAsTitleAndTheRestAsSolution() {
    ArticleCsv.Parsed parsed = ArticleMarkdown.parse("fax.md", "# Fax is silent\n\nCheck the **line** cable.\n");
    ArticleDraft draft = parsed.rows().getFirst().draft();
    assertThat(draft.title()).isEqualTo("Fax is silent");
    assertThat(draft.solution()).isEqualTo("Check the **line** cable.");
    assertThat(draft.problem()).isEmpty();
    assertThat(draft.language()).isNull();
  }

  @Test
  void frontMatterTagsMayBeAListOrSeparated() {
    ArticleDraft list = ArticleMarkdown.parse("a.md", "---\ntitle: A\nlanguage: pl\ntags: [\"gps\", nawigacja]\n---\nX")
        .rows().getFirst().draft();
    ArticleDraft separated = ArticleMarkdown.parse("b.md", "---\r\ntitle: 'B'\r\ntags: gps | nawigacja\r\n---\r\nX")
        .rows().getFirst().draft();
    assertThat(list.tags()).isEqualTo(List.of("gps", "nawigacja"));
    assertThat(separated.tags()).isEqualTo(List.of("gps", "nawigacja"));
    assertThat(separated.title()).isEqualTo("B");
  }

  @Test
  void anUnclosedFrontMatterIsReported() {
    ArticleCsv.Parsed parsed = ArticleMarkdown.parse("c.md", "---\ntitle: C\nno end");
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.problems().getFirst().message()).contains("no closing '---'");
  }
}
