package io.switchboard.designer.integrations;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.switchboard.designer.ui.Notices;
import io.switchboard.designer.ui.Texts;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.ConflictException;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.connector.StepAuth;
import io.switchboard.runtime.openapi.OpenApiImporter;
import io.switchboard.runtime.service.DataStepService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Import from an OpenAPI 3 document, uploaded or pasted: read it, pick operations, give the base
 * URL and the credentials, and get one data step per operation with its inputs and outputs. The
 * dialog closes only when the steps were made: a refusal is shown in it with the document kept.
 */
final class OpenApiImportDialog extends Dialog {
  static final int MAX_DOCUMENT_BYTES = 2 << 20;

  private final TextArea document = new TextArea("OpenAPI 3 document (JSON or YAML)");
  private final CheckboxGroup<OpenApiImporter.Operation> operations = new CheckboxGroup<>("Operations");
  private final ComboBox<String> baseUrl = new ComboBox<>("Base URL");
  private final StepAuthFields auth = new StepAuthFields("openapi-auth");
  private final Paragraph notes = new Paragraph();
  private final Paragraph failure = new Paragraph();
  private final Button create = new Button("Create data steps");
  private final Span reason = new Span("Paste or upload a document, then read it");
  private final DataStepService steps;

  OpenApiImportDialog(DataStepService steps, String user, Consumer<List<DataStepService.StepView>> onCreated) {
    this.steps = steps;
    setHeaderTitle("Import from OpenAPI");
    setId("openapi-dialog");
    setWidth("52rem");
    document.setId("openapi-document");
    document.setWidthFull();
    document.setHeight("12rem");
    document.getStyle().set("font-family", "monospace");
    Upload upload = new Upload();
    upload.setId("openapi-upload");
    upload.setMaxFileSize(MAX_DOCUMENT_BYTES);
    upload.setAcceptedFileTypes(".json", ".yaml", ".yml", "application/json", "application/yaml");
    upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> upload.getUI().ifPresent(ui -> ui.access(() -> {
      upload.clearFileList();
      document.setValue(new String(data, StandardCharsets.UTF_8));
      read();
    }))));
    Button read = new Button("Read document", e -> read());
    read.setId("openapi-read");
    operations.setId("openapi-operations");
    operations.setItemLabelGenerator(o -> o.key() + (o.summary() == null ? "" : " — " + o.summary()));
    baseUrl.setId("openapi-base-url");
    baseUrl.setAllowCustomValue(true);
    baseUrl.addCustomValueSetListener(e -> baseUrl.setValue(e.getDetail()));
    baseUrl.setWidthFull();
    notes.setId("openapi-notes");
    create.setId("openapi-create");
    create.addThemeVariants(ButtonVariant.PRIMARY);
    create.setEnabled(false);
    create.addClickListener(e -> create(user, onCreated));
    operations.addValueChangeListener(e -> ticked());
    reason.setId("openapi-create-reason");
    reason.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
    failure.setId("openapi-failure");
    failure.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
    failure.setVisible(false);
    VerticalLayout layout = new VerticalLayout(upload, document, read, notes, operations, baseUrl, auth);
    layout.setPadding(false);
    add(layout);
    HorizontalLayout footer = new HorizontalLayout(failure, reason, new Button("Cancel", e -> close()), create);
    footer.setAlignItems(FlexComponent.Alignment.CENTER);
    footer.setWidthFull();
    footer.expand(failure);
    getFooter().add(footer);
  }

  private void create(String user, Consumer<List<DataStepService.StepView>> onCreated) {
    List<String> keys = new ArrayList<>(operations.getSelectedItems().stream().map(OpenApiImporter.Operation::key).toList());
    StepAuth.Definition credentials = FlowJson.mapper().treeToValue(auth.value(), StepAuth.Definition.class);
    List<DataStepService.StepView> created;
    try {
      created = steps.importOpenApi(document.getValue(), keys, baseUrl.getValue(), credentials, user);
    } catch (BadRequestException | ConflictException refused) {
      // the dialog stays open with the document and the choices, so the cause can be fixed and tried again
      showFailure("Nothing was created: " + refused.getMessage());
      return;
    }
    Notices.done("Created " + Texts.count(created.size(), "data step") + ": " + Texts.list(created.stream()
        .map(s -> StepUses.quoted(s.definition().name())).toList()));
    close();
    onCreated.accept(created);
  }

  private void showFailure(String message) {
    failure.setText(message);
    failure.setVisible(true);
  }

  /** The button says how many steps it makes, or why it makes none. */
  private void ticked() {
    int n = operations.getSelectedItems().size();
    create.setEnabled(n > 0);
    create.setText(n == 0 ? "Create data steps" : "Create " + Texts.count(n, "data step"));
    reason.setText(n == 0 ? "Tick at least one operation to create" : "");
    reason.setVisible(n == 0);
  }

  private void read() {
    failure.setVisible(false);
    OpenApiImporter.Contents contents;
    try {
      contents = steps.readOpenApi(document.getValue());
    } catch (BadRequestException unreadable) {
      operations.setItems(List.of());
      notes.setText("");
      showFailure("The document does not read: " + unreadable.getMessage());
      reason.setText("Paste or upload an OpenAPI 3 document, then read it");
      return;
    }
    operations.setItems(contents.operations());
    if (contents.operations().size() == 1) {
      operations.select(contents.operations().getFirst());
    }
    baseUrl.setItems(contents.servers());
    if (!contents.servers().isEmpty()) {
      baseUrl.setValue(contents.servers().getFirst());
    }
    auth.show(FlowJson.mapper().valueToTree(contents.auth()), List.of());
    String found = Texts.count(contents.operations().size(), "operation");
    notes.setText((contents.title() == null ? IntegrationsView.capitalized(found) : contents.title() + ": " + found) + ". "
        + String.join(" ", contents.notes()));
    ticked();
  }
}
