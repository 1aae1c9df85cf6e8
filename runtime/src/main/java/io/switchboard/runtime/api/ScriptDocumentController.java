package io.switchboard.runtime.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.scripts.ScriptDocuments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent script of a published version. The content type is set on the answer, not as
 * {@code produces}, so that a 404 is still the usual JSON error.
 */
@RestController
@RequestMapping("/api/flows/{id}/versions/{version}")
@Tag(name = "Agent scripts", description = "Readable scripts of published flow versions for agent training and review")
public class ScriptDocumentController {
  private final ScriptDocuments scripts;

  public ScriptDocumentController(ScriptDocuments scripts) {
    this.scripts = scripts;
  }

  @GetMapping("/script")
  @Operation(summary = "The agent script as an HTML page", description = "Every agent step with its prompt, fields and "
      + "answers, and what happens automatically after each answer; 404 for an unknown flow or version",
      responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)))
  public ResponseEntity<String> html(@PathVariable String id, @PathVariable int version) {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(scripts.html(id, version));
  }

  @GetMapping("/script.pdf")
  @Operation(summary = "The agent script as a PDF download", description = "The same page as a PDF; 404 for an unknown "
      + "flow or version",
      responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE)))
  public ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable int version) {
    byte[] pdf = scripts.pdf(id, version);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(ScriptDocuments.pdfFileName(id, version)).build().toString())
        .body(pdf);
  }
}
