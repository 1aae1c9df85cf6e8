package io.switchboard.runtime.scripts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The script as a printable HTML page. It is built as an element tree, so every text from the flow
 * is escaped; the same tree is the source of the PDF.
 */
final class ScriptHtml {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final String STYLE = """
      @page { size: A4; margin: 18mm 16mm; }
      body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1d1d1f; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
      h1 { font-size: 20pt; margin: 0 0 .2rem; }
      h2 { font-size: 14pt; margin: 1.6rem 0 .4rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; }
      h3 { font-size: 11pt; margin: .9rem 0 .3rem; }
      table { border-collapse: collapse; width: 100%; margin: .3rem 0 .6rem; }
      th, td { text-align: left; vertical-align: top; border: 1px solid #ccc; padding: .25rem .45rem; }
      th { background: #f0f0f0; }
      .meta th { width: 9rem; }
      .prompt { white-space: pre-wrap; border-left: 4px solid #3b6fd4; background: #f3f6fc; padding: .5rem .8rem; margin: .4rem 0; }
      .answer { page-break-inside: avoid; }
      ol.actions { margin: .2rem 0 .4rem 1.2rem; padding: 0; }
      ul.cases { margin: .2rem 0; padding-left: 1.2rem; }
      .case { font-style: italic; }
      .step { page-break-before: auto; }
      """;

  private ScriptHtml() {}

  static Document document(ScriptDocument script) {
    Document html = Document.createShell("");
    html.outputSettings().charset("UTF-8");
    html.child(0).attr("lang", "en");
    html.head().appendElement("meta").attr("charset", "UTF-8");
    html.title(script.name() + " v" + script.version() + ": agent script");
    html.head().appendElement("style").appendText(STYLE);
    Element body = html.body();
    body.appendElement("h1").text(script.name());
    if (script.description() != null && !script.description().isBlank()) {
      body.appendElement("p").addClass("description").text(script.description());
    }
    Element meta = body.appendElement("table").addClass("meta");
    row(meta, "Flow", script.flowId());
    row(meta, "Version", String.valueOf(script.version()));
    row(meta, "Published", WHEN.format(script.publishedAt()) + (script.publishedBy() == null ? "" : " by " + script.publishedBy()));
    row(meta, "Comment", script.comment() == null ? "" : script.comment());
    row(meta, "Starts on", script.channel() + (script.address() == null ? "" : " " + script.address()));

    body.appendElement("h2").text("What the agent sees");
    if (script.variables().isEmpty()) {
      body.appendElement("p").text("No variables are shown to the agent.");
    } else {
      Element table = body.appendElement("table").addClass("variables");
      header(table, "Shown as", "Variable", "Type");
      script.variables().forEach(v -> cells(table.appendElement("tr"), v.label(), v.name(), v.type()));
    }

    body.appendElement("h2").text("Before the first step");
    actions(body, script.opening());
    for (AgentStep step : script.steps()) {
      step(body.appendElement("section").addClass("step").id("step-" + step.number()), step);
    }
    return html;
  }

  private static void step(Element section, AgentStep step) {
    section.appendElement("h2").text("Step " + step.number() + ": " + step.title());
    section.appendElement("div").addClass("prompt").text(step.prompt());
    if (!step.fields().isEmpty()) {
      section.appendElement("h3").text("Fields");
      Element table = section.appendElement("table").addClass("fields");
      header(table, "Label", "Type", "Required", "Goes into");
      step.fields().forEach(f -> cells(table.appendElement("tr"), f.label(), f.type(), f.required() ? "yes" : "no", f.variable()));
    }
    for (AnswerPath answer : step.answers()) {
      Element block = section.appendElement("div").addClass("answer");
      block.appendElement("h3").text("Answer: " + answer.answer());
      actions(block, answer.actions());
    }
  }

  private static void actions(Element parent, List<Action> actions) {
    Element list = parent.appendElement("ol").addClass("actions");
    for (Action action : actions) {
      Element item = list.appendElement("li").text(action.text());
      if (action instanceof Action.Choice choice) {
        Element cases = item.appendElement("ul").addClass("cases");
        for (Action.Case c : choice.cases()) {
          Element way = cases.appendElement("li");
          way.appendElement("span").addClass("case").text(c.when() + ":");
          actions(way, c.actions());
        }
      }
    }
  }

  private static void row(Element table, String name, String value) {
    Element row = table.appendElement("tr");
    row.appendElement("th").text(name);
    row.appendElement("td").text(value);
  }

  private static void header(Element table, String... names) {
    Element row = table.appendElement("tr");
    for (String name : names) {
      row.appendElement("th").text(name);
    }
  }

  private static void cells(Element row, String... values) {
    for (String value : values) {
      row.appendElement("td").text(value == null ? "" : value);
    }
  }
}
