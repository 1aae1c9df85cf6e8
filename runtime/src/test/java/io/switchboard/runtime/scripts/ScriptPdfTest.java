package io.switchboard.runtime.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ScriptPdfTest {
  @Test
  void thePdfHoldsTheStepsPromptsAndAutomaticActions() throws Exception {
    byte[] pdf = ScriptPdf.render(ScriptHtml.document(ScriptBuilderTest.supportCall()));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Support call", "Step 1: Welcome", "Step 2: Troubleshooter",
          "Good morning «Customer», thank you for calling support. How can I help?",
          "Ask «Customer» to restart the device and check the status light. Did that solve it?",
          "Sends the e-mail 'How to fix: «Problem»' to «E-mail»");
    }
  }

  @Test
  void markupInTheFlowIsTextNotHtml() {
    String html = ScriptHtml.document(ScriptBuilderTest.supportCall()).outerHtml();
    assertThat(html).contains("<h2>Step 1: Welcome</h2>");
    ScriptDocument hostile = new ScriptDocument("x", "<script>alert(1)</script>", null, 1, java.time.Instant.EPOCH, null,
        null, "voice", "+1", java.util.List.of(), java.util.List.of(), java.util.List.of());
    assertThat(ScriptHtml.document(hostile).outerHtml()).doesNotContain("<script>alert").contains("&lt;script&gt;");
  }

  @Test
  void polishHungarianAndSpanishTextPrintsAsWritten() throws Exception {
    ScriptDocument accents = new ScriptDocument("x", "Zażółć gęślą jaźń — Árvíztűrő tükörfúrógép — ¿Señal?", null, 1,
        java.time.Instant.EPOCH, null, null, "voice", "+1", java.util.List.of(), java.util.List.of(), java.util.List.of());
    try (PDDocument document = Loader.loadPDF(ScriptPdf.render(ScriptHtml.document(accents)))) {
      assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Zażółć gęślą jaźń — Árvíztűrő tükörfúrógép — ¿Señal?");
    }
  }
}
