package io.switchboard.designer.knowledge;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.switchboard.runtime.knowledge.ImportResult;
import io.switchboard.runtime.knowledge.KnowledgeService;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Imports articles from one CSV file or from Markdown files: the files are read in memory, then
 * imported together — every article, or none when any row or file is bad, each problem shown with its
 * line.
 */
final class ImportDialog extends Dialog {
  private static final int MAX_BYTES = 10 * 1024 * 1024;

  private final Map<String, String> files = new LinkedHashMap<>();
  private final Div result = new Div();
  private final Button run = new Button("Import");

  ImportDialog(KnowledgeService knowledge, String user, Runnable imported) {
    setId("kb-import-dialog");
    setHeaderTitle("Import articles");
    setWidth("640px");
    Paragraph help = new Paragraph("A CSV file with a header row — title, problem, solution, product, language, tags"
        + " (separated by ';'), status — or Markdown files with a front matter block (title, product, language, tags,"
        + " status) and '## Problem' / '## Solution' sections. Nothing is imported while any row is bad.");
    help.addClassName("sb-knowledge-muted");
    Upload upload = new Upload();
    upload.setId("kb-upload");
    upload.setMaxFileSize(MAX_BYTES);
    upload.setAcceptedFileTypes("text/csv", ".csv", "text/markdown", ".md", ".markdown", "text/plain", ".txt");
    upload.setUploadButton(new Button("Choose files"));
    upload.setDropLabel(new Span("or drop CSV or Markdown files here"));
    upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
      String text = new String(data, StandardCharsets.UTF_8);
      upload.getUI().ifPresent(ui -> ui.access(() -> {
        files.put(metadata.fileName(), text);
        result.removeAll();
        run.setEnabled(true);
      }));
    }));
    upload.addFileRemovedListener(e -> {
      files.remove(e.getFileName());
      run.setEnabled(!files.isEmpty());
    });
    result.setId("kb-import-result");
    add(help, upload, result);
    run.setId("kb-import-run");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    run.setEnabled(false);
    run.addClickListener(e -> {
      long csvs = files.keySet().stream().filter(ImportDialog::csv).count();
      if (csvs > 0 && files.size() > 1) {
        problem("Import one CSV file, or Markdown files, at a time — remove the others from the list.");
        return;
      }
      ImportResult outcome = csvs == 1 ? knowledge.importCsv(files.values().iterator().next(), user)
          : knowledge.importMarkdown(files, user);
      show(outcome);
      if (outcome.ok()) {
        files.clear();
        upload.clearFileList();
        run.setEnabled(false);
        imported.run();
      }
    });
    getFooter().add(new Button("Close", e -> close()), run);
  }

  private static boolean csv(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  private void show(ImportResult outcome) {
    result.removeAll();
    if (outcome.ok()) {
      Span ok = new Span(outcome.imported() == 1 ? "1 article imported" : outcome.imported() + " articles imported");
      ok.setId("kb-import-ok");
      ok.addClassName("sb-knowledge-ok");
      result.add(ok);
      return;
    }
    Span none = new Span("Nothing imported — fix " + (outcome.problems().size() == 1 ? "this problem" : "these problems")
        + " and import again:");
    none.addClassName("sb-knowledge-error");
    UnorderedList problems = new UnorderedList();
    problems.setId("kb-import-problems");
    problems.addClassName("sb-knowledge-problems");
    for (ImportResult.Problem p : outcome.problems()) {
      problems.add(new ListItem((p.source() == null ? "" : p.source() + ", ") + "line " + p.line() + ": " + p.message()));
    }
    result.add(none, problems);
  }

  private void problem(String message) {
    result.removeAll();
    Span span = new Span(message);
    span.addClassName("sb-knowledge-error");
    result.add(span);
  }
}
