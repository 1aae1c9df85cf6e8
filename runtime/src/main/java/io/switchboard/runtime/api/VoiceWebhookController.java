package io.switchboard.runtime.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.FlowService;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.NotFoundException;
import io.switchboard.runtime.service.StartRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook a telephony provider that speaks TwiML-style markup calls for each inbound call: it
 * starts the published flow whose voice trigger owns the dialled number and answers with what the
 * call should do.
 */
@RestController
@RequestMapping("/hooks/voice")
@Tag(name = "Voice webhook", description = "TwiML-style provider callbacks")
public class VoiceWebhookController {
  private static final java.util.Set<String> ENDED = java.util.Set.of("completed", "busy", "no-answer", "failed", "canceled");

  private final FlowService flows;
  private final InteractionService interactions;
  private final io.switchboard.runtime.desk.DeskService desk;

  public VoiceWebhookController(FlowService flows, InteractionService interactions,
      io.switchboard.runtime.desk.DeskService desk) {
    this.flows = flows;
    this.interactions = interactions;
    this.desk = desk;
  }

  @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "Inbound call", description = "Form fields From, To, CallSid; answers with <Response> markup")
  public ResponseEntity<String> inbound(@RequestParam(name = "From") String from, @RequestParam(name = "To") String to,
      @RequestParam(name = "CallSid", required = false) String callSid) {
    if (from.isBlank() || to.isBlank()) {
      throw new BadRequestException("From and To must not be empty");
    }
    String flowId = flows.flowForAddress("voice", to.strip()).orElse(null);
    if (flowId == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_XML).body(VoiceMarkup.notInService());
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (callSid != null) {
      data.put("callSid", callSid);
    }
    Interaction interaction = interactions.start(new StartRequest(flowId, "voice", from.strip(), to.strip(), Map.of(), data,
        callSid));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).header("X-Switchboard-Interaction", interaction.id())
        .body(VoiceMarkup.render(interaction));
  }

  @PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "Outcome of a forwarded call", description = "Form fields CallSid and DialCallStatus (completed, "
      + "busy, no-answer, failed, canceled); the flow continues on its connected or failed path")
  public ResponseEntity<String> status(@RequestParam(name = "CallSid") String callSid,
      @RequestParam(name = "DialCallStatus", required = false) String dialStatus,
      @RequestParam(name = "CallStatus", required = false) String callStatus) {
    String status = dialStatus != null ? dialStatus : callStatus;
    if (status == null || status.isBlank()) {
      throw new BadRequestException("DialCallStatus (or CallStatus) is required");
    }
    String id = interactions.byExternalRef(callSid).orElseThrow(() -> new NotFoundException("no interaction for call " + callSid));
    Interaction current = interactions.get(id);
    if (current.waiting() == null || current.waiting().kind() != io.switchboard.runtime.node.Waiting.Kind.call_status) {
      // a call bridged to an agent from a queue: its end puts the agent into after-call work
      if (ENDED.contains(status.strip().toLowerCase()) && desk.callEnded(id)) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(VoiceMarkup.render(current));
      }
    }
    Interaction interaction = interactions.callStatus(id, status.strip().toLowerCase());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(VoiceMarkup.render(interaction));
  }
}
