package io.switchboard.runtime.knowledge;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * An article's Markdown as readers get it: HTML with only safe elements (raw HTML in the Markdown is
 * cleaned by jsoup's {@link Safelist#relaxed()}, links get {@code rel="nofollow"}), or plain text for
 * a text message, an e-mail or the search index.
 */
public final class ArticleText {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
  private static final Safelist SAFE = Safelist.relaxed().addEnforcedAttribute("a", "rel", "nofollow noopener");

  private ArticleText() {}

  public static String html(String markdown) {
    if (markdown == null || markdown.isEmpty()) {
      return "";
    }
    return Jsoup.clean(HTML.render(PARSER.parse(markdown)), SAFE);
  }

  public static String plain(String markdown) {
    if (markdown == null || markdown.isEmpty()) {
      return "";
    }
    return TEXT.render(PARSER.parse(markdown)).strip();
  }
}
