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

  @Test
  void aHoleInThreeBracesIsRaw() {
    Template t = Template.parse("{{{ base }}}/c/{{ id }}?{{{q}}}}");
    assertThat(t.problem()).isNull();
    assertThat(t.parts()).containsExactly(new Template.Hole("base", true), new Template.Text("/c/"),
        new Template.Hole("id", false), new Template.Text("?"), new Template.Hole("q", true), new Template.Text("}"));
    assertThat(t.expressions()).containsExactly("base", "id", "q");
    assertThat(Template.parse("{\"a\": {{ x }}}").parts()).containsExactly(new Template.Text("{\"a\": "),
        new Template.Hole("x"), new Template.Text("}"));
    assertThat(Template.parse("a {{{ b }}").problem()).isEqualTo("a '{{{' at character 3 is never closed with '}}}'");
    assertThat(Template.parse("a {{{ }}}").problem()).isEqualTo("the '{{{ }}}' at character 3 is empty");
  }
}
