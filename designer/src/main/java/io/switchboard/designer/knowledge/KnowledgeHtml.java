package io.switchboard.designer.knowledge;

import com.vaadin.flow.component.Html;
import io.switchboard.runtime.knowledge.ArticleText;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/** Article text and search snippets as HTML components, only ever from sanitized HTML. */
public final class KnowledgeHtml {
  private static final Safelist MARK_ONLY = Safelist.none().addTags("mark");

  private KnowledgeHtml() {}

  /**
   * A search snippet: the service escapes the article's text and adds only {@code <mark>}; cleaning it
   * again to {@code <mark>} alone keeps a snippet from ever carrying markup, whatever the index held.
   */
  public static Html snippet(String snippet) {
    Html html = new Html("<div class=\"sb-knowledge-snippet\">" + Jsoup.clean(snippet, MARK_ONLY) + "</div>");
    return html;
  }

  /** Markdown rendered by the knowledge base's sanitizer ({@link ArticleText#html}). */
  public static Html markdown(String markdown) {
    return new Html("<div class=\"sb-knowledge-markdown\">" + ArticleText.html(markdown) + "</div>");
  }
}
