package io.switchboard.runtime.scripts;

import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.service.NotFoundException;

/**
 * The agent scripts of published flow versions, as a model, an HTML page and a PDF.
 *
 * @throws NotFoundException (from every method) for an unknown flow or version
 */
public final class ScriptDocuments {
  private final FlowService flows;

  public ScriptDocuments(FlowService flows) {
    this.flows = flows;
  }

  public ScriptDocument script(String flowId, int version) {
    return ScriptBuilder.build(flows.version(flowId, version));
  }

  /** The script as a complete HTML page. */
  public String html(String flowId, int version) {
    return ScriptHtml.document(script(flowId, version)).outerHtml();
  }

  public byte[] pdf(String flowId, int version) {
    return ScriptPdf.render(ScriptHtml.document(script(flowId, version)));
  }

  /** The file name a PDF download gets. */
  public static String pdfFileName(String flowId, int version) {
    return flowId + "-v" + version + "-script.pdf";
  }
}
