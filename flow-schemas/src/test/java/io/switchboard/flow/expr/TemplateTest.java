package io.switchboard.flow.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateTest {
  @Test
  void splitsTextAndHoles() {
    Template t = Template.parse("Dear {{ name }}, case {{ticket.id}}.");
    assertThat(t.problem()).isNull();
    assertThat(t.parts()).containsExactly(new Template.Text("Dear "), new Template.Hole("name"),
        new Template.Text(", case "), new Template.Hole("ticket.id"), new Template.Text("."));
    assertThat(Template.parse("plain").isConstant()).isTrue();
  }

  @Test
  void reportsUnclosedAndEmptyHoles() {
    assertThat(Template.parse("a {{ b").problem()).contains("never closed");
    assertThat(Template.parse("a {{ }} b").problem()).contains("is empty");
  }
}
