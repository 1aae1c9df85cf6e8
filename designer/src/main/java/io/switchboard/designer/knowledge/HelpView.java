package io.switchboard.designer.knowledge;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.switchboard.runtime.knowledge.Article;
import io.switchboard.runtime.knowledge.SearchHit;
import java.util.List;

/**
 * The customers' help centre, without signing in and without the app's menu: search the published
 * articles, read one, say it helped — or that it did not, which hands the question to a person.
 */
@Route(value = "help", autoLayout = false)
@PageTitle("Help centre")
@AnonymousAllowed
@StyleSheet("styles/knowledge.css")
public class HelpView extends VerticalLayout {
  private final SelfService service;
  private final TextField query = new TextField();
  private final Div status = new Div();
  private final Div content = new Div();
  private String lastQuery = "";

  public HelpView(SelfService service) {
    this.service = service;
    addClassName("sb-help");
    setSizeFull();
    setPadding(false);
    setSpacing(false);
    VerticalLayout column = new VerticalLayout();
    column.addClassName("sb-help-column");
    column.setPadding(false);
    H1 title = new H1("How can we help?");
    query.setId("help-query");
    query.setAriaLabel("Describe your problem");
    query.setPlaceholder("Describe your problem, e.g. the router keeps restarting");
    query.setWidthFull();
    query.setMaxLength(SelfService.MAX_TEXT);
    query.addKeyPressListener(Key.ENTER, e -> search());
    Button go = new Button("Search", e -> search());
    go.setId("help-search");
    go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout bar = new HorizontalLayout(query, go);
    bar.setWidthFull();
    bar.setFlexGrow(1, query);
    status.setId("help-status");
    status.addClassName("sb-help-status");
    content.setId("help-content");
    content.setWidthFull();
    column.add(title, bar, status, content);
    add(column);
    start();
  }

  private void start() {
    content.removeAll();
    content.add(muted("Type a few words about your problem and press Search — our articles answer most questions at once."));
  }

  private void search() {
    String text = query.getValue().strip();
    status.removeAll();
    if (text.isEmpty()) {
      start();
      return;
    }
    SelfService.Limited<List<SearchHit>> found = service.search(client(), text);
    if (found.refused()) {
      tooMany(found.waitSeconds());
      return;
    }
    lastQuery = text;
    showResults(found.value());
  }

  private void showResults(List<SearchHit> hits) {
    content.removeAll();
    if (hits.isEmpty()) {
      Paragraph none = new Paragraph("We found no article for “" + lastQuery + "”. Try other words, or ask us directly.");
      none.setId("help-no-results");
      content.add(none, askButton(null));
      return;
    }
    Div list = new Div();
    list.setId("help-results");
    for (SearchHit hit : hits) {
      Div item = new Div();
      item.addClassName("sb-help-result");
      Button open = new Button(hit.title(), e -> read(hit.id()));
      open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
      open.addClassName("sb-help-result-title");
      item.add(open);
      hit.snippets().stream().findFirst().ifPresent(s -> item.add(KnowledgeHtml.snippet(s)));
      list.add(item);
    }
    content.add(list, new Paragraph("Nothing here answers your question?"), askButton(null));
  }

  private void read(String id) {
    SelfService.Limited<Article> read = service.read(client(), id);
    if (read.refused()) {
      tooMany(read.waitSeconds());
      return;
    }
    Article article = read.value();
    status.removeAll();
    content.removeAll();
    Button back = new Button("← Back to results", e -> search());
    back.setId("help-back");
    back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    H2 title = new H2(article.title());
    title.setId("help-article-title");
    Div body = new Div();
    body.setId("help-article");
    body.addClassName("sb-knowledge-article");
    if (!article.problem().isBlank()) {
      body.add(KnowledgeHtml.markdown(article.problem()));
    }
    body.add(KnowledgeHtml.markdown(article.solution()));
    Button helped = new Button("This helped", e -> {
      SelfService.Limited<Boolean> counted = service.helped(client(), article.id());
      if (counted.refused()) {
        tooMany(counted.waitSeconds());
        return;
      }
      status.removeAll();
      status.add(new Span("Glad it helped — thank you for telling us."));
      content.removeAll();
      content.add(back);
    });
    helped.setId("help-helped");
    helped.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
    Div actions = new Div(new Span("Did this answer your question?"), helped, askButton(article.id()));
    actions.addClassName("sb-help-actions");
    content.add(back, title, body, actions);
  }

  private Button askButton(String articleId) {
    // under an article it is the article that did not help; under the results, none did
    Button ask = new Button(articleId == null ? "Ask our team" : "This did not help", e -> ask(articleId));
    ask.setId("help-not-helped");
    return ask;
  }

  /** The small form that hands the question to a person. */
  private void ask(String articleId) {
    status.removeAll();
    content.removeAll();
    H2 title = new H2("Ask our team");
    Paragraph intro = new Paragraph("Tell us what you need and how to reach you; a person will take it from here.");
    TextArea text = new TextArea("Your question");
    text.setId("help-ask-text");
    text.setWidthFull();
    text.setMaxLength(SelfService.MAX_TEXT);
    text.setValue(lastQuery);
    TextField name = new TextField("Your name (optional)");
    name.setId("help-ask-name");
    name.setMaxLength(200);
    TextField contact = new TextField("E-mail or phone (optional)");
    contact.setId("help-ask-contact");
    contact.setMaxLength(200);
    contact.setHelperText("Without it we cannot get back to you.");
    HorizontalLayout who = new HorizontalLayout(name, contact);
    who.setWidthFull();
    who.setFlexGrow(1, name, contact);
    Span error = new Span();
    error.setId("help-ask-error");
    error.addClassName("sb-knowledge-error");
    Button send = new Button("Send to our team", e -> {
      if (!SelfService.plausibleContact(contact.getValue())) {
        error.setText("Write an e-mail address (name@example.com) or a phone number, or leave it empty.");
        return;
      }
      if (text.getValue().isBlank()) {
        error.setText("Tell us what you are looking for, so that someone can help.");
        return;
      }
      service.notHelped(client(), new SelfService.Question(text.getValue(), name.getValue(), contact.getValue(),
          articleId));
      thanks(contact.getValue().strip());
    });
    send.setId("help-ask-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button("Cancel", e -> search());
    content.add(title, intro, text, who, error, new HorizontalLayout(send, cancel));
  }

  private void thanks(String contact) {
    content.removeAll();
    Div thanks = new Div();
    thanks.setId("help-thanks");
    thanks.addClassName("sb-help-thanks");
    thanks.add(new H2("Thank you — your question is with our team"));
    thanks.add(new Paragraph(contact.isEmpty()
        ? "A person will look at it. You left no contact, so come back here or call us if you need an answer."
        : contact.contains("@") ? "A person will look at it and write to you at " + contact + "."
            : "A person will look at it and call or text you at " + contact + "."));
    content.add(thanks);
  }

  private void tooMany(long seconds) {
    status.removeAll();
    Span message = new Span("Too many searches — try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
    message.setId("help-too-many");
    message.addClassName("sb-knowledge-error");
    status.add(message);
  }

  private static Span muted(String text) {
    Span span = new Span(text);
    span.addClassName("sb-knowledge-muted");
    return span;
  }

  /** The client's address, as the public REST search counts it. */
  private static String client() {
    VaadinRequest request = VaadinRequest.getCurrent();
    if (request != null && request.getRemoteAddr() != null) {
      return request.getRemoteAddr();
    }
    VaadinSession session = VaadinSession.getCurrent();
    return session == null || session.getBrowser() == null ? "unknown" : session.getBrowser().getAddress();
  }
}
