package io.switchboard.designer.tickets;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.textfield.TextArea;
import io.switchboard.runtime.tickets.Snippet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text area that offers snippets: typing {@code ::} and the start of an id lists the matching
 * snippets, and choosing one puts its text where "::id" was. The caret lives in the browser, so a
 * small script (snippet-area.js) does the insertion; {@link #insert} puts text at the caret.
 */
final class SnippetArea extends TextArea {
  private static final String SCRIPT = load();
  private List<Map<String, String>> snippets = List.of();

  SnippetArea(String label) {
    super(label);
  }

  void setSnippets(List<Snippet> offered) {
    snippets = offered.stream().map(s -> {
      Map<String, String> item = new LinkedHashMap<>();
      item.put("id", s.id());
      item.put("name", s.name());
      item.put("body", s.body());
      return item;
    }).toList();
    if (isAttached()) {
      install();
    }
  }

  /** Puts the text at the caret (or where the caret last was), as the user would have typed it. */
  void insert(String text) {
    getElement().executeJs("this.sbInsert($0)", text);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    install();
  }

  private void install() {
    getElement().executeJs(SCRIPT + "\nwindow.sbSnippetArea(this, $0);", tools.jackson.databind.json.JsonMapper
        .shared().valueToTree(snippets));
  }

  private static String load() {
    try (InputStream in = SnippetArea.class.getResourceAsStream("snippet-area.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
