package io.switchboard.runtime.api;

import io.switchboard.runtime.model.FlowVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.service.FlowService;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/flows")
@Tag(name = "Flows", description = "Drafts, validation, publishing and version history")
public class FlowController {
  private final FlowService flows;

  public FlowController(FlowService flows) {
    this.flows = flows;
  }

  /** A flow in the list. */
  public record FlowSummary(String id, String name, int revision, Integer publishedVersion, int errors, Instant updatedAt,
      String updatedBy) {}

  /** A published version; the document only when one version is asked for. */
  public record VersionView(String flowId, int version, String comment, Instant publishedAt, String publishedBy,
      JsonNode document) {}

  /** The optional body of a publish call. */
  public record PublishRequest(String comment) {}

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Save the draft", description = "Validates and saves; 200 with the problems found, 422 when the "
      + "body is not a flow document. Send If-Match with the revision you edited to refuse overwriting someone else's change.")
  public FlowService.DraftView save(@PathVariable String id, @RequestBody String body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Principal user) {
    return flows.saveDraft(id, body, user == null ? null : user.getName(), revision(ifMatch));
  }

  @GetMapping
  @Operation(summary = "List flows")
  public List<FlowSummary> list() {
    // the errors as the editor shows them, with an address another published flow took since the draft was saved
    return flows.list().stream().map(d -> new FlowSummary(d.id(), d.name(), d.revision(), d.latestVersion(),
        flows.draft(d.id()).errorCount(), Instant.ofEpochMilli(d.updatedAt()), d.updatedBy())).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "The draft with its problems")
  public FlowService.DraftView get(@PathVariable String id) {
    return flows.draft(id);
  }

  @PostMapping("/{id}/publish")
  @Operation(summary = "Publish the draft as the next immutable version", description = "201 with the version; 409 with "
      + "the problems while errors remain")
  public ResponseEntity<VersionView> publish(@PathVariable String id, @RequestBody(required = false) PublishRequest request,
      Principal user) {
    FlowVersion version = flows.publish(id, request == null ? null : request.comment(),
        user == null ? null : user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(version, false));
  }

  @org.springframework.web.bind.annotation.DeleteMapping("/{id}")
  @Operation(summary = "Delete a flow with its versions", description = "409 while interactions of it are still open")
  public ResponseEntity<Void> delete(@PathVariable String id) {
    flows.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/versions")
  @Operation(summary = "Version history, newest first")
  public List<VersionView> versions(@PathVariable String id) {
    return flows.versions(id).stream().map(v -> view(v, false)).toList();
  }

  @GetMapping("/{id}/versions/{version}")
  @Operation(summary = "One immutable version")
  public VersionView version(@PathVariable String id, @PathVariable int version) {
    return view(flows.version(id, version), true);
  }

  private static VersionView view(FlowVersion v, boolean withDocument) {
    return new VersionView(v.flowId(), v.version(), v.comment(), Instant.ofEpochMilli(v.publishedAt()), v.publishedBy(),
        withDocument && v.document() != null ? FlowJson.readFlowTree(v.document()) : null);
  }

  private static Integer revision(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String value = ifMatch.strip().replace("\"", "").replace("W/", "");
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new io.switchboard.runtime.service.BadRequestException("If-Match must be the draft's revision number, not '"
          + ifMatch + "'");
    }
  }
}
