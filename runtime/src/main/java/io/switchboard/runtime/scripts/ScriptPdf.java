package io.switchboard.runtime.scripts;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/** The script's HTML page laid out as a PDF, with the built-in PDF fonts. */
final class ScriptPdf {
  private ScriptPdf() {}

  static byte[] render(Document html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withW3cDocument(W3CDom.convert(html), "/");
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the script's PDF could not be written", e);
    }
    return out.toByteArray();
  }
}
