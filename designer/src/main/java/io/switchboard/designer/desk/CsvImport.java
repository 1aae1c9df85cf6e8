package io.switchboard.designer.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.switchboard.runtime.desk.CallListCsv;
import io.switchboard.runtime.desk.CallListService;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Imports a call list's contacts from an uploaded CSV file (read in memory) and says what happened:
 * how many contacts came in, or that none did and every problem with its line.
 */
final class CsvImport extends VerticalLayout {
  private static final int MAX_BYTES = 10 * 1024 * 1024;

  private final Div result = new Div();

  /**
   * @param importing imports the file's text into the selected list
   * @param imported runs after an import, to show the new contacts
   */
  CsvImport(Function<String, CallListService.Import> importing, Runnable imported) {
    setPadding(false);
    setSpacing(false);
    setWidth("auto");
    Upload upload = new Upload();
    upload.setId("import-csv");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(MAX_BYTES);
    upload.setAcceptedFileTypes("text/csv", ".csv", "text/plain", ".txt");
    upload.setUploadButton(new Button("Import CSV"));
    upload.setDropLabel(new Span("or drop a file"));
    upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
      String text = new String(data, StandardCharsets.UTF_8);
      upload.getUI().ifPresent(ui -> ui.access(() -> {
        upload.clearFileList();
        show(importing.apply(text));
        imported.run();
      }));
    }));
    result.setId("import-result");
    add(upload, result);
  }

  private void show(CallListService.Import outcome) {
    result.removeAll();
    if (outcome.problems().isEmpty()) {
      Span ok = new Span(outcome.imported() + (outcome.imported() == 1 ? " contact imported" : " contacts imported"));
      ok.addClassName("sb-call-import-ok");
      result.add(ok);
      return;
    }
    Span none = new Span("Nothing imported — fix " + (outcome.problems().size() == 1 ? "this line" : "these lines")
        + " and upload the file again:");
    none.addClassName("sb-desk-error");
    UnorderedList problems = new UnorderedList();
    problems.addClassName("sb-call-import-problems");
    for (CallListCsv.Problem problem : outcome.problems()) {
      problems.add(new ListItem(problem.line() > 0 ? "line " + problem.line() + ": " + problem.message()
          : problem.message()));
    }
    result.add(none, problems);
  }
}
