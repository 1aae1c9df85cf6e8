package io.switchboard.runtime.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleTextTest {
  @Test
  void markdownBecomesHtmlWithoutScriptsOrHandlers() {
    String html = ArticleText.html("""
        **Restart** the router.

        <img src=x onerror="alert(1)"><script>alert(2)</script>

        - one
        - [two](javascript:alert(3))
        """);
    assertThat(html).contains("<strong>Restart</strong>").contains("<li>one</li>").doesNotContain("<script")
        .doesNotContain("onerror").doesNotContain("javascript:");
  }

  @Test
  void plainTextKeepsTheWordsAndDropsTheMarkup() {
    assertThat(ArticleText.plain("**Turn it off** and _on_ again.\n\n1. Wait")).isEqualTo("Turn it off and on again.\n1. Wait");
    assertThat(ArticleText.plain(null)).isEmpty();
  }
}
