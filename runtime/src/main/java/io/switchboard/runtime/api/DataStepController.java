package io.switchboard.runtime.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.connector.StepAuth;
import io.switchboard.runtime.openapi.OpenApiImporter;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.DataStepService;
import io.switchboard.runtime.service.DataStepTester;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/data-steps")
@Tag(name = "Data steps", description = "The integrators' registry of HTTP data steps that flows call: create, change, "
    + "delete, history, test, and import from OpenAPI 3. Secrets are accepted on write and never returned.")
public class DataStepController {
  private final DataStepService steps;
  private final DataStepTester tester;

  public DataStepController(DataStepService steps, DataStepTester tester) {
    this.steps = steps;
    this.tester = tester;
  }

  /** One entry of a step's history. */
  public record ChangeView(int version, String action, String changes, Instant changedAt, String changedBy) {}

  /** Sample inputs for a test; inputs left out take their declared example. */
  public record TestRequest(Map<String, Object> inputs) {}

  /** A definition not saved yet, with sample inputs: what an editor's Test button sends. */
  public record DraftTestRequest(JsonNode definition, Map<String, Object> inputs) {}

  /** An OpenAPI 3 document (JSON or YAML) to read. */
  public record OpenApiDocument(String document) {}

  /** Which operations of a document become steps, against which server, with which credentials. */
  public record OpenApiImport(String document, List<String> operations, String baseUrl, StepAuth.Definition auth) {}

  @GetMapping
  @Operation(summary = "List data steps", description = "Without secrets; secretsStored names the secrets that are set, "
      + "usedBy the published flows that call the step")
  public List<DataStepService.StepView> list() {
    return steps.list();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One data step, without its secrets")
  public DataStepService.StepView get(@PathVariable String id) {
    return steps.find(id).orElseThrow(() -> new io.switchboard.runtime.service.NotFoundException("no data step '" + id + "'"));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Register a data step", description = "201 with the step; 400 with one problem per fault; "
      + "409 when the id is taken")
  public ResponseEntity<DataStepService.StepView> create(@RequestBody JsonNode definition, Principal user) {
    return ResponseEntity.status(HttpStatus.CREATED).body(steps.create(definition, name(user)));
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Change a data step", description = "A new version. Secrets left out are kept while the kind of "
      + "authentication stays. Send If-Match with the version you edited to refuse overwriting someone else's change (409).")
  public DataStepService.StepView update(@PathVariable String id, @RequestBody JsonNode definition,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Principal user) {
    return steps.update(id, definition, version(ifMatch), name(user));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a data step", description = "409 naming the published flows that still use it")
  public ResponseEntity<Void> delete(@PathVariable String id, Principal user) {
    steps.delete(id, name(user));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "Who changed what and when, newest first", description = "Kept after the step is deleted")
  public List<ChangeView> history(@PathVariable String id) {
    return steps.history(id).stream().map(c -> new ChangeView(c.version(), c.action(), c.changes(),
        Instant.ofEpochMilli(c.changedAt()), c.changedBy())).toList();
  }

  @PostMapping("/{id}/test")
  @Operation(summary = "Run a saved step once with sample inputs", description = "No retry and no circuit breaker. Shows "
      + "the request as sent (secrets redacted), the status, the raw answer, the mapped outputs and the time taken.")
  public DataStepTester.Report test(@PathVariable String id, @RequestBody(required = false) TestRequest request) {
    return tester.test(steps.compiled(id), request == null ? Map.of() : request.inputs());
  }

  @PostMapping("/test")
  @Operation(summary = "Run a definition not saved yet once", description = "Secrets it leaves out come from the saved "
      + "step of the same id")
  public DataStepTester.Report testDraft(@RequestBody DraftTestRequest request) {
    if (request.definition() == null) {
      throw new BadRequestException("give the step to test under 'definition'");
    }
    return tester.test(steps.unsaved(request.definition()), request.inputs());
  }

  @PostMapping("/openapi/operations")
  @Operation(summary = "Read an OpenAPI 3 document", description = "Its servers, operations and authentication, to pick from")
  public OpenApiImporter.Contents operations(@RequestBody OpenApiDocument request) {
    return steps.readOpenApi(request.document());
  }

  @PostMapping("/openapi/import")
  @Operation(summary = "Register steps for chosen operations of an OpenAPI 3 document", description = "Inputs from the "
      + "parameters and request body, outputs from the success response's schema. All or nothing: 400 or 409 saves none.")
  public ResponseEntity<List<DataStepService.StepView>> importSteps(@RequestBody OpenApiImport request, Principal user) {
    return ResponseEntity.status(HttpStatus.CREATED).body(steps.importOpenApi(request.document(), request.operations(),
        request.baseUrl(), request.auth(), name(user)));
  }

  private static String name(Principal user) {
    return user == null ? null : user.getName();
  }

  private static Integer version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(ifMatch.replace("\"", "").strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("If-Match must be the version number you edited, e.g. \"3\"");
    }
  }
}
