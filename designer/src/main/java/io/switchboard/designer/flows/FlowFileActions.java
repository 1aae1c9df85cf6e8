package io.switchboard.designer.flows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Export of the flow as a JSON file, and import of one in its place. */
final class FlowFileActions extends HorizontalLayout {
  static final int MAX_IMPORT_BYTES = 1 << 20;

  FlowFileActions(String flowId, SerializableSupplier<String> currentText, SerializableConsumer<String> onImport) {
    Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
      byte[] bytes = currentText.get().getBytes(StandardCharsets.UTF_8);
      return new DownloadResponse(new ByteArrayInputStream(bytes), flowId + ".json", "application/json", bytes.length);
    }), "Export JSON");
    export.setId("export-flow");
    export.addClassName("sb-file-link");
    export.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
    export.getElement().setAttribute("download", flowId + ".json");

    Upload upload = new Upload();
    upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
      String text = new String(data, StandardCharsets.UTF_8);
      upload.getUI().ifPresent(ui -> ui.access(() -> {
        upload.clearFileList();
        onImport.accept(text);
      }));
    }));
    upload.setId("import-flow");
    upload.setAcceptedFileTypes("application/json", ".json");
    upload.setMaxFileSize(MAX_IMPORT_BYTES);
    // both read as the same kind of action: a small link-like button and a link
    Button importButton = new Button("Import JSON", VaadinIcon.UPLOAD_ALT.create());
    importButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    upload.setUploadButton(importButton);
    upload.setDropLabel(new com.vaadin.flow.component.html.Span("or drop a file"));
    upload.addClassName("sb-flow-import");
    addClassName("sb-file-actions");
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(export, upload);
  }

}
