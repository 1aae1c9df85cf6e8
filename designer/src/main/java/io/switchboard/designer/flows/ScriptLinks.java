package io.switchboard.designer.flows;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.switchboard.runtime.scripts.ScriptDocuments;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A published version's agent script: the page in a new tab and the PDF as a download. Served
 * through the screen's session, since the REST API takes HTTP Basic and API keys only.
 */
final class ScriptLinks extends HorizontalLayout {

  ScriptLinks(ScriptDocuments scripts, String flowId, int version) {
    Anchor page = new Anchor(file(() -> scripts.html(flowId, version).getBytes(StandardCharsets.UTF_8),
        flowId + "-v" + version + "-script.html", "text/html;charset=UTF-8"), "Agent script");
    page.setTarget(AnchorTarget.BLANK);
    page.setId("script-" + version);
    String pdfName = ScriptDocuments.pdfFileName(flowId, version);
    Anchor pdf = new Anchor(file(() -> scripts.pdf(flowId, version), pdfName, "application/pdf"), "PDF");
    pdf.getElement().setAttribute("download", pdfName);
    pdf.setId("script-pdf-" + version);
    setSpacing(true);
    add(page, pdf);
  }

  private static DownloadHandler file(SerializableSupplier<byte[]> content, String name, String type) {
    return DownloadHandler.fromInputStream(event -> {
      byte[] bytes = content.get();
      return new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length);
    });
  }
}
