package io.switchboard.designer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeHtmlTest {

  @Test
  void aSnippetKeepsItsMarksAndNothingElse() {
    String html = KnowledgeHtml.snippet("Restart the <mark>router</mark> &lt;b&gt;now&lt;/b&gt;<script>alert(1)</script>"
        + "<img src=x onerror=alert(1)>").getElement().getOuterHTML();
    assertThat(html).contains("<mark>router</mark>").contains("&lt;b&gt;now&lt;/b&gt;").doesNotContain("<script")
        .doesNotContain("<img").doesNotContain("onerror");
  }

  @Test
  void markdownIsRenderedByTheKnowledgeBasesSanitizer() {
    String html = KnowledgeHtml.markdown("Hold **power**. <script>alert(1)</script>").getElement().getOuterHTML();
    assertThat(html).contains("<strong>power</strong>").doesNotContain("<script");
  }

  @Test
  void thePanelSearchesForTheProblemVariableFirstThenTheEmailBodyThenTheSubject() {
    assertThat(KnowledgeDesk.problemText(Map.of("problem", "no position"), Map.of("body", "Long e-mail")))
        .isEqualTo("no position");
    assertThat(KnowledgeDesk.problemText(Map.of(), Map.of("body", "Long e-mail", "subject", "Tracker")))
        .isEqualTo("Long e-mail");
    assertThat(KnowledgeDesk.problemText(Map.of(), Map.of("subject", "Tracker"))).isEqualTo("Tracker");
    assertThat(KnowledgeDesk.problemText(Map.of(), Map.of("from", "+48221110001"))).isEmpty();
  }

  @Test
  void aContactIsAnEmailAddressAPhoneNumberOrNothing() {
    assertThat(SelfService.plausibleContact("")).isTrue();
    assertThat(SelfService.plausibleContact("ann@example.com")).isTrue();
    assertThat(SelfService.plausibleContact("+48 22 111 00 01")).isTrue();
    assertThat(SelfService.plausibleContact("call me maybe")).isFalse();
  }
}
