package io.switchboard.designer.knowledge;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.switchboard.designer.security.Role;
import io.switchboard.runtime.knowledge.Article;
import io.switchboard.runtime.knowledge.ArticleFilter;
import io.switchboard.runtime.knowledge.ArticleStatus;
import io.switchboard.runtime.knowledge.KnowledgeAnalysis;
import io.switchboard.runtime.knowledge.KnowledgeService;
import io.switchboard.runtime.knowledge.SearchHit;
import io.switchboard.runtime.knowledge.SearchRequest;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import io.switchboard.designer.ui.EmptyState;
import java.util.Set;

/**
 * The knowledge base: search with filters on the left (or, with no words, the newest articles), the
 * article being written on the right. Supervisors and admins write, import and publish; agents
 * search and read.
 */
@Menu(title = "Knowledge", order = 34, icon = "vaadin:book")
@Route("knowledge")
@PageTitle("Knowledge · Switchboard")
@RolesAllowed({Role.AGENT, Role.SUPERVISOR, Role.ADMIN})
@StyleSheet("styles/knowledge.css")
public class KnowledgeView extends VerticalLayout {
  static final String ANY = "";
  private static final int LIMIT = 25;

  private final KnowledgeService knowledge;
  private final boolean writer;
  private final TextField query = new TextField();
  private final Select<String> language = new Select<>();
  private final TextField product = new TextField();
  private final TextField tag = new TextField();
  private final Select<String> status = new Select<>();
  private final Div summary = new Div();
  private final Div results = new Div();
  private final ArticleEditor editor;

  public KnowledgeView(KnowledgeService knowledge, AuthenticationContext authentication) {
    this.knowledge = knowledge;
    this.writer = authentication.hasAnyRole(Role.SUPERVISOR, Role.ADMIN);
    String user = authentication.getPrincipalName().orElse("unknown");
    this.editor = new ArticleEditor(knowledge, user, writer, saved -> refresh());
    addClassName("sb-knowledge");
    setSizeFull();

    query.setId("kb-query");
    query.setPlaceholder("Search problems and solutions");
    query.setAriaLabel("Search");
    query.setClearButtonVisible(true);
    query.addKeyPressListener(Key.ENTER, e -> refresh());
    query.setMinWidth("16rem");
    language.setId("kb-language");
    language.setLabel("Language");
    language.setItems(languages());
    language.setItemLabelGenerator(l -> l.isEmpty() ? "Any" : Languages.name(l));
    language.setValue(ANY);
    language.setWidth("9rem");
    product.setId("kb-product");
    product.setLabel("Product");
    product.setPlaceholder("Any");
    product.setWidth("9rem");
    tag.setId("kb-tag");
    tag.setLabel("Tag");
    tag.setPlaceholder("Any");
    tag.setWidth("8rem");
    status.setId("kb-status");
    status.setLabel("Status");
    status.setItems(ANY, "published", "draft", "archived");
    status.setItemLabelGenerator(s -> s.isEmpty() ? "Any" : ArticleEditor.statusLabel(s));
    status.setValue(writer ? ANY : "published");
    status.setWidth("8rem");
    status.setVisible(writer);
    for (var field : List.of(language, status)) {
      field.addValueChangeListener(e -> refresh());
    }
    for (var field : List.of(product, tag)) {
      field.addKeyPressListener(Key.ENTER, e -> refresh());
    }
    query.setLabel("Search");
    Button search = new Button("Search", e -> refresh());
    search.setId("kb-search");
    search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout bar = new HorizontalLayout(query, language, product, tag, status, search);
    bar.setAlignItems(Alignment.BASELINE);
    bar.setFlexGrow(1, query);
    bar.setWidthFull();
    summary.setId("kb-summary");
    summary.addClassName("sb-knowledge-muted");
    HorizontalLayout listHead = new HorizontalLayout(summary);
    listHead.addClassName("sb-knowledge-list-head");
    listHead.setWidthFull();
    listHead.setAlignItems(Alignment.CENTER);
    listHead.setFlexGrow(1, summary);
    if (writer) {
      Button create = new Button("New article", e -> editor.edit(null));
      create.setId("kb-new");
      create.addThemeVariants(ButtonVariant.LUMO_SMALL);
      Button importing = new Button("Import…", e -> new ImportDialog(knowledge, user, this::refresh).open());
      importing.setId("kb-import");
      importing.addThemeVariants(ButtonVariant.LUMO_SMALL);
      listHead.add(create, importing);
    }
    results.setId("kb-results");
    VerticalLayout left = new VerticalLayout(listHead, results);
    left.addClassName("sb-knowledge-list");
    left.setPadding(false);
    left.setSpacing(false);
    HorizontalLayout columns = new HorizontalLayout(left, editor);
    columns.addClassName("sb-knowledge-columns");
    columns.setWidthFull();
    add(bar, columns);
    setFlexGrow(1, columns);
    refresh();
  }

  private void refresh() {
    results.removeAll();
    String text = query.getValue().strip();
    if (text.isEmpty()) {
      List<Article> articles = knowledge.list(new ArticleFilter(product.getValue(), language.getValue(),
          tag.getValue(), ArticleStatus.parse(status.getValue()).orElse(null), 0, 100));
      summary.setText(articles.isEmpty() ? "" : "Newest changes first");
      if (articles.isEmpty()) {
        results.add(empty());
      }
      articles.forEach(a -> results.add(card(a, null)));
      return;
    }
    Set<ArticleStatus> statuses = ArticleStatus.parse(status.getValue()).map(EnumSet::of)
        .orElse(writer ? EnumSet.allOf(ArticleStatus.class) : EnumSet.of(ArticleStatus.PUBLISHED));
    List<SearchHit> hits = knowledge.search(new SearchRequest(text, language.getValue(), product.getValue(),
        tag.getValue().isBlank() ? List.of() : List.of(tag.getValue()), statuses, LIMIT, false));
    summary.setText(hits.isEmpty() ? "" : hits.size() == 1 ? "1 article matches" : hits.size() + " articles match, best first");
    if (hits.isEmpty()) {
      Div none = new Div(new Span("No article matches “" + text + "”. Try fewer or other words, or clear a filter."));
      none.setId("kb-no-results");
      none.addClassName("sb-knowledge-empty");
      results.add(none);
    }
    for (SearchHit hit : hits) {
      knowledge.find(hit.id()).ifPresent(a -> results.add(card(a, hit)));
    }
  }

  private EmptyState empty() {
    EmptyState empty = writer ? new EmptyState("No articles here yet — write one with New article, or import a CSV or "
        + "Markdown file.", "New article", e -> editor.edit(null))
        : new EmptyState("No articles here yet — ask a supervisor to add some.");
    empty.setId("kb-empty");
    return empty;
  }

  /** One article in the list: title, status, product, language, usage; with a search's snippet and score. */
  private Div card(Article article, SearchHit hit) {
    Div card = new Div();
    card.addClassName("sb-knowledge-card");
    card.getElement().setAttribute("data-title", article.title());
    Span title = new Span(article.title());
    title.addClassName("sb-knowledge-card-title");
    Span badge = new Span(ArticleEditor.statusLabel(article.status().id()));
    badge.getElement().getThemeList().add("badge small pill " + switch (article.status()) {
      case PUBLISHED -> "success";
      case DRAFT -> "contrast";
      case ARCHIVED -> "error";
    });
    Div head = new Div(title, badge);
    head.addClassName("sb-knowledge-card-head");
    card.add(head);
    if (hit != null) {
      hit.snippets().stream().findFirst().ifPresent(s -> card.add(KnowledgeHtml.snippet(s)));
    }
    String meta = String.join(" · ", List.of(article.product() == null ? "any product" : article.product(),
        Languages.name(article.language()), usage(article)));
    Span facts = new Span(meta + (article.tags().isEmpty() ? "" : " · " + String.join(", ", article.tags())));
    facts.addClassName("sb-knowledge-muted");
    Div foot = new Div(facts);
    foot.addClassName("sb-knowledge-card-foot");
    if (hit != null) {
      Span score = new Span(String.format(Locale.ROOT, "score %.2f", hit.score()));
      score.addClassName("sb-knowledge-score");
      Button explain = new Button("Explain score", e -> explain(hit));
      explain.addClassName("sb-knowledge-explain");
      explain.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
      foot.add(score, explain);
    }
    card.add(foot);
    card.addClickListener(e -> editor.edit(knowledge.get(article.id())));
    return card;
  }

  static String usage(Article a) {
    return "helped " + a.helped() + " · sent " + a.sent() + " · read " + a.views();
  }

  private void explain(SearchHit hit) {
    Set<ArticleStatus> statuses = EnumSet.allOf(ArticleStatus.class);
    String text = query.getValue().strip();
    List<SearchHit> explained = knowledge.search(new SearchRequest(text, language.getValue(), product.getValue(),
        tag.getValue().isBlank() ? List.of() : List.of(tag.getValue()), statuses, LIMIT, true));
    String why = explained.stream().filter(h -> h.id().equals(hit.id())).findFirst().map(SearchHit::explanation)
        .orElse("This article no longer matches the search.");
    Dialog dialog = new Dialog();
    dialog.setId("kb-explain");
    dialog.setHeaderTitle("Why “" + hit.title() + "” scored " + String.format(Locale.ROOT, "%.2f", hit.score()));
    Span note = new Span("Lucene's account of the score: each matching word and field with its weight; the last"
        + " factor is the usage boost (helped and sent).");
    note.addClassName("sb-knowledge-muted");
    Pre body = new Pre(why);
    body.addClassName("sb-knowledge-explanation");
    dialog.add(note, body);
    dialog.setWidth("900px");
    dialog.setMaxHeight("80vh");
    dialog.getFooter().add(new Button("Close", e -> dialog.close()));
    dialog.open();
  }

  private static List<String> languages() {
    List<String> all = new java.util.ArrayList<>();
    all.add(ANY);
    all.addAll(KnowledgeAnalysis.LANGUAGES);
    return all;
  }
}
