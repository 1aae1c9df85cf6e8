package io.switchboard.designer.knowledge;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.knowledge.Article;
import io.switchboard.runtime.knowledge.SearchHit;
import io.switchboard.runtime.service.BadRequestException;
import java.util.List;

/**
 * The agent's knowledge search beside the interaction: pre-filled with what the customer wrote or
 * said (the {@code problem} variable, an e-mail's body, a message), which the agent narrows to the
 * part that matters and searches again; an article opens to be marked used or sent to the customer.
 */
@StyleSheet("styles/knowledge.css")
public final class KnowledgePanel extends Div {
  private final KnowledgeDesk knowledge;
  private final TextArea text = new TextArea();
  private final Div results = new Div();
  private String interactionId;
  private String agent;
  private String customerEmail = "";

  public KnowledgePanel(KnowledgeDesk knowledge) {
    this.knowledge = knowledge;
    setId("knowledge-panel");
    addClassName("sb-knowledge-panel");
    text.setId("knowledge-text");
    text.setAriaLabel("What to search for");
    text.setPlaceholder("Describe the problem, or keep only the relevant part of the e-mail");
    text.setWidthFull();
    text.setMaxHeight("7em");
    text.setMaxLength(20_000);
    Button search = new Button("Search", e -> search());
    search.setId("knowledge-search");
    search.addThemeVariants(ButtonVariant.LUMO_SMALL);
    results.setId("knowledge-results");
    add(text, search, results);
    empty("Knowledge articles for the interaction appear here.");
  }

  /** Shows the panel for this interaction (null: none), searching for its text at once. */
  public void show(String interactionId, String agent) {
    this.interactionId = interactionId;
    this.agent = agent;
    if (interactionId == null) {
      text.clear();
      empty("Knowledge articles for the interaction appear here.");
      return;
    }
    KnowledgeDesk.Start start = knowledge.start(interactionId, agent);
    customerEmail = start.customerEmail();
    text.setValue(start.text());
    search();
  }

  private void search() {
    results.removeAll();
    if (text.getValue().isBlank()) {
      empty("Type the customer's problem above and press Search.");
      return;
    }
    List<SearchHit> hits = knowledge.search(text.getValue());
    if (hits.isEmpty()) {
      empty("No published article matches — narrow the text to the problem itself, or try other words.");
      return;
    }
    for (SearchHit hit : hits) {
      Div item = new Div();
      item.addClassName("sb-knowledge-hit");
      Button title = new Button(hit.title(), e -> open(hit.id()));
      title.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
      title.addClassName("sb-knowledge-hit-title");
      item.add(title);
      hit.snippets().stream().findFirst().ifPresent(s -> item.add(KnowledgeHtml.snippet(s)));
      results.add(item);
    }
  }

  private void open(String articleId) {
    Article article = knowledge.article(articleId);
    Dialog dialog = new Dialog();
    dialog.setId("knowledge-article-dialog");
    dialog.setHeaderTitle(article.title());
    dialog.setWidth("720px");
    dialog.setMaxHeight("85vh");
    Div body = new Div(KnowledgeHtml.markdown(article.problem()), KnowledgeHtml.markdown(article.solution()));
    body.setId("knowledge-article");
    body.addClassName("sb-knowledge-article");
    EmailField to = new EmailField("Send to");
    to.setId("knowledge-send-to");
    to.setValue(customerEmail);
    to.setPlaceholder("customer@example.com");
    to.setWidth("20rem");
    Span error = new Span();
    error.setId("knowledge-send-error");
    error.addClassName("sb-knowledge-error");
    Span note = new Span("Sent as an e-mail reply in the customer's case thread (one is opened if there is none).");
    note.addClassName("sb-knowledge-muted");
    VerticalLayout sending = new VerticalLayout(to, note, error);
    sending.setPadding(false);
    sending.setSpacing(false);
    dialog.add(body, sending);
    Button used = new Button("Mark as used", e -> {
      knowledge.markUsed(article.id());
      Notices.done("Marked “" + article.title() + "” as used");
      dialog.close();
    });
    used.setId("knowledge-mark-used");
    Button send = new Button("Send to customer", e -> {
      try {
        KnowledgeDesk.Sent sent = knowledge.send(interactionId, agent, article.id(), to.getValue());
        Notices.done("Sent to " + sent.to() + " in case #" + sent.threadNumber()
            + (sent.newThread() ? " (opened for this interaction)" : ""));
        customerEmail = sent.to();
        dialog.close();
      } catch (BadRequestException ex) {
        error.setText(ex.getMessage());
      }
    });
    send.setId("knowledge-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.setEnabled(interactionId != null);
    HorizontalLayout footer = new HorizontalLayout(new Button("Close", e -> dialog.close()), used, send);
    dialog.getFooter().add(footer);
    dialog.open();
  }

  private void empty(String message) {
    results.removeAll();
    Span span = new Span(message);
    span.addClassName("sb-knowledge-muted");
    span.setId("knowledge-empty");
    results.add(span);
  }
}
