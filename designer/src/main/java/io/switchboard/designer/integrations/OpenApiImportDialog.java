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
import io.switchboard.designer.ui.Notices;
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
 * URL and the credentials, and get one data step per operation with its inputs and outputs.
 */
final class OpenApiImportDialog extends Dialog {
  static final int MAX_DOCUMENT_BYTES = 2 << 20;

  private final TextArea document = new TextArea("OpenAPI 3 document (JSON or YAML)");
  private final CheckboxGroup<OpenApiImporter.Operation> operations = new CheckboxGroup<>("Operations");
  private final ComboBox<String> baseUrl = new ComboBox<>("Base URL");
  private final StepAuthFields auth = new StepAuthFields("openapi-auth");
  private final Paragraph notes = new Paragraph();
  private final Button create = new Button("Create data steps");
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
    create.addClickListener(e -> {
      List<String> keys = new ArrayList<>(operations.getSelectedItems().stream().map(OpenApiImporter.Operation::key).toList());
      StepAuth.Definition credentials = FlowJson.mapper().treeToValue(auth.value(), StepAuth.Definition.class);
      List<DataStepService.StepView> created = steps.importOpenApi(document.getValue(), keys, baseUrl.getValue(),
          credentials, user);
      Notices.done("Created " + created.size() + " data step(s)");
      onCreated.accept(created);
      close();
    });
    VerticalLayout layout = new VerticalLayout(upload, document, read, notes, operations, baseUrl, auth);
    layout.setPadding(false);
    add(layout);
    getFooter().add(new Button("Cancel", e -> close()), create);
  }

  private void read() {
    create.setEnabled(false);
    OpenApiImporter.Contents contents = steps.readOpenApi(document.getValue());
    operations.setItems(contents.operations());
    baseUrl.setItems(contents.servers());
    if (!contents.servers().isEmpty()) {
      baseUrl.setValue(contents.servers().getFirst());
    }
    auth.show(FlowJson.mapper().valueToTree(contents.auth()), List.of());
    notes.setText((contents.title() == null ? "" : contents.title() + ": ") + contents.operations().size()
        + " operation(s). " + String.join(" ", contents.notes()));
    create.setEnabled(!contents.operations().isEmpty());
  }
}
