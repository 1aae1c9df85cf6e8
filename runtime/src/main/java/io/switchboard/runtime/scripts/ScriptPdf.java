package io.switchboard.runtime.scripts;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * The script's HTML page laid out as a PDF. DejaVu Sans is embedded (shipped with the runtime, under
 * its free licence beside it), so Polish, Hungarian or Spanish text prints as written, not as '#'.
 */
final class ScriptPdf {
  private ScriptPdf() {}

  static byte[] render(Document html) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.withW3cDocument(W3CDom.convert(html), "/");
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("the script's PDF could not be written", e);
    }
    return out.toByteArray();
  }

  private static java.io.InputStream font(String file) {
    return ScriptPdf.class.getResourceAsStream("fonts/" + file);
  }
}
