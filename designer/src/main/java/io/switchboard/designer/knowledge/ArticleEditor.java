package io.switchboard.designer.knowledge;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.switchboard.designer.ui.Notices;
import io.switchboard.runtime.knowledge.Article;
import io.switchboard.runtime.knowledge.ArticleDraft;
import io.switchboard.runtime.knowledge.ArticleVersion;
import io.switchboard.runtime.knowledge.KnowledgeAnalysis;
import io.switchboard.runtime.knowledge.KnowledgeService;
import io.switchboard.runtime.service.BadRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One article: its fields, the solution's Markdown beside its preview (rendered by the knowledge
 * base's sanitizer, as readers will see it), and its version history, where an older version can be
 * read and restored. Saving writes the next version.
 */
final class ArticleEditor extends VerticalLayout {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm")
      .withZone(ZoneId.systemDefault());

  private final KnowledgeService knowledge;
  private final String user;
  private final boolean writer;
  private final Consumer<Article> saved;
  private final TextField title = new TextField("Title");
  private final TextField product = new TextField("Product");
  private final Select<String> language = new Select<>();
  private final TextField tags = new TextField("Tags");
  private final Select<String> status = new Select<>();
  private final TextArea problem = new TextArea("Problem (Markdown)");
  private final TextArea solution = new TextArea("Solution (Markdown)");
  private final Div preview = new Div();
  private final Span error = new Span();
  private final Span heading = new Span();
  private final Div history = new Div();
  private final TabSheet tabs = new TabSheet();
  private final Div placeholder = new Div();
  private final HorizontalLayout actions = new HorizontalLayout();
  private Article article;

  ArticleEditor(KnowledgeService knowledge, String user, boolean writer, Consumer<Article> saved) {
    this.knowledge = knowledge;
    this.user = user;
    this.writer = writer;
    this.saved = saved;
    setId("kb-editor");
    addClassName("sb-knowledge-editor");
    setPadding(false);
    setSpacing(false);

    title.setId("kb-title");
    title.setMaxLength(300);
    product.setId("kb-edit-product");
    product.setPlaceholder("e.g. GPS Tracker");
    language.setId("kb-edit-language");
    language.setLabel("Language");
    language.setItems(KnowledgeAnalysis.LANGUAGES);
    language.setItemLabelGenerator(Languages::name);
    tags.setId("kb-tags");
    tags.setPlaceholder("comma-separated, e.g. restart, wifi");
    status.setId("kb-edit-status");
    status.setLabel("Status");
    status.setItems("draft", "published", "archived");
    status.setItemLabelGenerator(ArticleEditor::statusLabel);
    status.setHelperText("Only published articles reach customers and flows");
    problem.setId("kb-problem");
    problem.setWidthFull();
    problem.setHeight("6.5em");
    solution.setId("kb-solution");
    solution.setValueChangeMode(ValueChangeMode.LAZY);
    solution.addValueChangeListener(e -> preview());
    preview.setId("kb-preview");
    preview.addClassName("sb-knowledge-preview");
    FormLayout form = new FormLayout(title, product, language, tags, status);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("30em", 4));
    form.setColspan(title, 4);
    form.setColspan(product, 2);
    form.setColspan(language, 2);
    form.setColspan(status, 2);
    form.setColspan(tags, 2);
    Div previewBox = new Div(label("Preview"), preview);
    previewBox.addClassName("sb-knowledge-preview-box");
    HorizontalLayout markdown = new HorizontalLayout(solution, previewBox);
    markdown.addClassName("sb-knowledge-markdown-row");
    markdown.setWidthFull();
    markdown.setFlexGrow(1, solution, previewBox);
    error.setId("kb-error");
    error.addClassName("sb-knowledge-error");
    Button save = new Button("Save", e -> save());
    save.setId("kb-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setVisible(writer);
    heading.addClassName("sb-knowledge-muted");
    heading.setId("kb-editor-heading");
    actions.add(save, heading);
    actions.setAlignItems(Alignment.CENTER);
    actions.setWidthFull();
    actions.addClassName("sb-knowledge-editor-actions");
    VerticalLayout edit = new VerticalLayout(form, problem, markdown, error);
    edit.setPadding(false);
    edit.setSpacing(false);
    history.setId("kb-history");
    tabs.add("Article", edit).setId("kb-tab-article");
    tabs.add("History", history).setId("kb-tab-history");
    tabs.setSizeFull();
    tabs.addSelectedChangeListener(e -> showHistory());
    placeholder.setId("kb-editor-empty");
    placeholder.addClassName("sb-knowledge-empty");
    placeholder.setText(writer ? "Choose an article on the left to read or edit it, or write a New article."
        : "Choose an article on the left to read it.");
    add(placeholder, actions, tabs);
    tabs.setVisible(false);
    actions.setVisible(false);
    for (var field : List.of(title, product, tags, problem, solution)) {
      field.setReadOnly(!writer);
    }
    language.setReadOnly(!writer);
    status.setReadOnly(!writer);
  }

  /** Shows an article to edit, or an empty form for a new one (null). */
  void edit(Article a) {
    this.article = a;
    placeholder.setVisible(false);
    tabs.setVisible(true);
    actions.setVisible(true);
    tabs.setSelectedIndex(0);
    error.setText("");
    title.setValue(a == null ? "" : a.title());
    product.setValue(a == null || a.product() == null ? "" : a.product());
    language.setValue(a == null ? "en" : a.language());
    tags.setValue(a == null ? "" : String.join(", ", a.tags()));
    status.setValue(a == null ? "draft" : a.status().id());
    problem.setValue(a == null ? "" : a.problem());
    solution.setValue(a == null ? "" : a.solution());
    heading.setText(a == null ? "New article — saved as version 1"
        : "Version " + a.version() + " · " + a.author() + " · " + WHEN.format(Instant.ofEpochMilli(a.updatedAt()))
            + " · " + KnowledgeView.usage(a));
    preview();
    title.focus();
  }

  private void preview() {
    preview.removeAll();
    if (solution.getValue().isBlank()) {
      preview.add(label("The solution appears here as customers and agents will read it."));
    } else {
      preview.add(KnowledgeHtml.markdown(solution.getValue()));
    }
  }

  private ArticleDraft draft() {
    List<String> tagList = Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(t -> !t.isEmpty())
        .toList();
    return new ArticleDraft(title.getValue(), problem.getValue(), solution.getValue(), product.getValue(),
        language.getValue(), tagList, status.getValue());
  }

  private void save() {
    try {
      Article done = article == null ? knowledge.create(draft(), user) : knowledge.update(article.id(), draft(), user);
      Notices.done("Saved “" + done.title() + "” as version " + done.version());
      edit(done);
      saved.accept(done);
    } catch (BadRequestException e) {
      error.setText(e.getMessage());
    }
  }

  private void showHistory() {
    history.removeAll();
    if (article == null || tabs.getSelectedIndex() != 1) {
      if (article == null) {
        history.add(label("A new article has no history until it is saved."));
      }
      return;
    }
    List<ArticleVersion> versions = knowledge.versions(article.id());
    for (ArticleVersion v : versions) {
      Div row = new Div();
      row.addClassName("sb-knowledge-version");
      row.getElement().setAttribute("data-version", Integer.toString(v.version()));
      Span what = new Span("Version " + v.version() + " · " + statusLabel(v.status().id()));
      what.addClassName("sb-knowledge-card-title");
      Span who = new Span(v.savedBy() + " · " + WHEN.format(Instant.ofEpochMilli(v.savedAt())) + " · " + v.title());
      who.addClassName("sb-knowledge-muted");
      Button view = new Button("View", e -> view(v));
      view.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
      view.setId("kb-view-" + v.version());
      row.add(what, who, view);
      if (writer && v.version() != article.version()) {
        Button restore = new Button("Restore", e -> restore(v));
        restore.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        restore.setId("kb-restore-" + v.version());
        row.add(restore);
      }
      history.add(row);
    }
  }

  private void view(ArticleVersion v) {
    Dialog dialog = new Dialog();
    dialog.setId("kb-version-dialog");
    dialog.setHeaderTitle("Version " + v.version() + " — " + v.title());
    Span who = new Span("Saved by " + v.savedBy() + " on " + WHEN.format(Instant.ofEpochMilli(v.savedAt())) + " · "
        + statusLabel(v.status().id()) + " · " + (v.product() == null ? "any product" : v.product()) + " · "
        + Languages.name(v.language()));
    who.addClassName("sb-knowledge-muted");
    Div body = new Div(KnowledgeHtml.markdown(v.problem()), KnowledgeHtml.markdown(v.solution()));
    body.addClassName("sb-knowledge-article");
    dialog.add(who, body);
    dialog.setWidth("720px");
    if (writer && v.version() != article.version()) {
      Button restore = new Button("Restore this version", e -> {
        dialog.close();
        restore(v);
      });
      restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      dialog.getFooter().add(restore);
    }
    dialog.getFooter().add(new Button("Close", e -> dialog.close()));
    dialog.open();
  }

  private void restore(ArticleVersion v) {
    Article done = knowledge.update(article.id(), new ArticleDraft(v.title(), v.problem(), v.solution(), v.product(),
        v.language(), v.tags(), v.status().id()), user);
    Notices.done("Restored version " + v.version() + " as version " + done.version());
    edit(done);
    saved.accept(done);
  }

  static String statusLabel(String status) {
    return switch (status) {
      case "published" -> "Published";
      case "archived" -> "Archived";
      case "draft" -> "Draft";
      default -> status;
    };
  }

  private static H3 label(String text) {
    H3 h = new H3(text);
    h.addClassName("sb-knowledge-label");
    return h;
  }
}
