package io.switchboard.runtime.desk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The desk for telephony and CTI integrations: queues, the agent's state and offers, and their work. */
@RestController
@Tag(name = "Desk", description = "Queues, agents' states, offers, notes, ending and wrapping up interactions")
public class DeskController {
  private final DeskService desk;
  private final VoiceProviders voiceProviders;

  public DeskController(DeskService desk, VoiceProviders voiceProviders) {
    this.desk = desk;
    this.voiceProviders = voiceProviders;
  }

  /** The voice provider's call-update API; a missing token keeps the stored one. */
  public record VoiceProviderBody(String baseUrl, String account, String token) {}

  @GetMapping("/api/admin/voice-provider")
  @Operation(summary = "The voice provider that bridges accepted calls (the token is never shown)")
  public ResponseEntity<VoiceProviders.View> voiceProvider() {
    return ResponseEntity.of(voiceProviders.view());
  }

  @PutMapping("/api/admin/voice-provider")
  @Operation(summary = "Set the voice provider's call-update API", description = "{baseUrl, account, token}; calls are "
      + "bridged with POST {baseUrl}/Calls/{CallSid} and TwiML-style <Dial>")
  public VoiceProviders.View putVoiceProvider(@RequestBody VoiceProviderBody body) {
    if (body == null) {
      throw new BadRequestException("a body {baseUrl, account, token} is required");
    }
    return voiceProviders.put(body.baseUrl(), body.account(), body.token());
  }

  /** A queue as written. */
  public record QueueBody(String name, List<String> members, Integer maxWaitSeconds, Integer afterCallWorkSeconds,
      List<String> wrapUpCodes) {}

  /** A queue with its live state. */
  public record QueueView(String id, String name, List<String> members, int maxWaitSeconds, int afterCallWorkSeconds,
      List<String> wrapUpCodes, int waiting, long longestWaitSeconds, Map<AgentState, Integer> agents) {
    static QueueView of(QueueStats s) {
      Queue q = s.queue();
      return new QueueView(q.id(), q.name(), q.members(), q.maxWaitSeconds(), q.afterCallWorkSeconds(), q.wrapUpCodes(),
          s.waiting(), s.longestWaitSeconds(), s.agentsByState());
    }
  }

  /** An agent's desk state. */
  public record AgentView(String username, AgentState state, Instant stateSince, Instant idleSince, List<String> queues,
      Map<String, Integer> capacity, Map<String, Integer> active, String openOffer, Instant afterCallWorkUntil,
      List<String> interactions, String address) {
    static AgentView of(AgentStatus a) {
      return new AgentView(a.username(), a.state(), Instant.ofEpochMilli(a.stateSince()), Instant.ofEpochMilli(a.idleSince()),
          a.queues(), a.capacity(), a.active(), a.openOfferId(),
          a.afterCallWorkUntil() == null ? null : Instant.ofEpochMilli(a.afterCallWorkUntil()), a.interactions(), a.address());
    }
  }

  /** An offer as the agent sees it before accepting. */
  public record OfferView(String id, String interactionId, String queue, String channel, String caller, String priority,
      Instant waitingSince, Instant expiresAt, String status, String reason) {
    static OfferView of(Offer o) {
      return new OfferView(o.id(), o.interactionId(), o.queueId(), o.channel(), o.caller(), Priorities.name(o.priority()),
          Instant.ofEpochMilli(o.waitingSince()), Instant.ofEpochMilli(o.expiresAt()), o.status(), o.reason());
    }
  }

  public record StateBody(String state) {}

  public record AddressBody(String address) {}

  public record NoteBody(String text) {}

  public record WrapUpBody(String code) {}

  public record TransferBody(String queue, String agent) {}

  @PutMapping("/api/queues/{id}")
  @Operation(summary = "Create or replace a queue", description = "{name, members: [username], maxWaitSeconds, "
      + "afterCallWorkSeconds, wrapUpCodes: [..]}")
  public QueueView putQueue(@PathVariable String id, @RequestBody QueueBody body) {
    if (body == null) {
      throw new BadRequestException("a body {name, members, maxWaitSeconds, afterCallWorkSeconds} is required");
    }
    desk.putQueue(new Queue(id, body.name(), body.members(), body.maxWaitSeconds() == null ? 300 : body.maxWaitSeconds(),
        body.afterCallWorkSeconds() == null ? 0 : body.afterCallWorkSeconds(), body.wrapUpCodes()));
    return QueueView.of(desk.queueStats(id));
  }

  @GetMapping("/api/queues")
  @Operation(summary = "Every queue with its live state: waiting, longest wait, members by state")
  public List<QueueView> queues() {
    return desk.queues().stream().map(QueueView::of).toList();
  }

  @GetMapping("/api/queues/{id}")
  @Operation(summary = "One queue with its live state")
  public QueueView queue(@PathVariable String id) {
    return QueueView.of(desk.queueStats(id));
  }

  @DeleteMapping("/api/queues/{id}")
  @Operation(summary = "Delete a queue")
  public ResponseEntity<Void> deleteQueue(@PathVariable String id) {
    desk.deleteQueue(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/agents")
  @Operation(summary = "Every agent's state, queues, load and current interactions (supervisors)")
  public List<AgentView> agents() {
    return desk.agents().stream().map(AgentView::of).toList();
  }

  @GetMapping("/api/agents/me")
  @Operation(summary = "The signed-in agent's state, queues, load and interactions")
  public AgentView me(HttpServletRequest request) {
    return AgentView.of(desk.me(Caller.of(request).person()));
  }

  @PutMapping("/api/agents/me/state")
  @Operation(summary = "Choose a state: available, away or offline", description = "Available ends after-call work early; "
      + "away or offline gives an open offer back.")
  public AgentView state(HttpServletRequest request, @RequestBody StateBody body) {
    return AgentView.of(desk.chooseState(Caller.of(request).person(), body == null ? null : body.state()));
  }

  @PutMapping("/api/agents/me/address")
  @Operation(summary = "Where accepted calls are bridged to: a SIP URI or a phone number")
  public AgentView address(HttpServletRequest request, @RequestBody AddressBody body) {
    return AgentView.of(desk.setAddress(Caller.of(request).person(), body == null ? null : body.address()));
  }

  @GetMapping("/api/agents/me/offers")
  @Operation(summary = "The signed-in agent's open offers (counts as a sign of life)")
  public List<OfferView> offers(HttpServletRequest request) {
    return desk.offers(Caller.of(request).person()).stream().map(OfferView::of).toList();
  }

  @PostMapping("/api/offers/{id}/accept")
  @Operation(summary = "Accept an offer", description = "The interaction is assigned to the agent and its flow goes on; "
      + "409 when the offer lapsed or was withdrawn.")
  public Map<String, Object> accept(HttpServletRequest request, @PathVariable String id) {
    Interaction interaction = desk.accept(id, Caller.of(request).person());
    return Map.of("interactionId", interaction.id(), "status", interaction.status().name());
  }

  @PostMapping("/api/offers/{id}/decline")
  @Operation(summary = "Decline an offer; it goes to the next agent")
  public ResponseEntity<Void> decline(HttpServletRequest request, @PathVariable String id) {
    desk.decline(id, Caller.of(request).person());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/interactions/{id}/notes")
  @Operation(summary = "Write a note on the interaction; it is kept with the interaction and its case")
  public ResponseEntity<Note> addNote(HttpServletRequest request, @PathVariable String id, @RequestBody NoteBody body) {
    Caller caller = Caller.of(request);
    mayReach(caller, id);
    return ResponseEntity.status(HttpStatus.CREATED).body(desk.addNote(id, caller.person(), body == null ? null : body.text()));
  }

  @GetMapping("/api/interactions/{id}/notes")
  @Operation(summary = "The interaction's notes, oldest first")
  public List<Note> notes(HttpServletRequest request, @PathVariable String id) {
    mayReach(Caller.of(request), id);
    return desk.notes(id);
  }

  @GetMapping("/api/interactions/{id}/earlier")
  @Operation(summary = "The customer's earlier interactions, matched by caller number or e-mail address")
  public List<EarlierInteraction> earlier(HttpServletRequest request, @PathVariable String id) {
    mayReach(Caller.of(request), id);
    return desk.earlier(id, 20);
  }

  @PostMapping("/api/interactions/{id}/end")
  @Operation(summary = "End the agent's work on the interaction", description = "Stops its flow if it still runs; the "
      + "agent is in after-call work for the queue's time.")
  public Map<String, Object> end(HttpServletRequest request, @PathVariable String id) {
    Interaction interaction = desk.end(id, Caller.of(request).person());
    return Map.of("interactionId", interaction.id(), "status", interaction.status().name());
  }

  @PostMapping("/api/interactions/{id}/wrap-up")
  @Operation(summary = "Record the wrap-up code of an ended interaction", description = "One of the queue's codes; ends "
      + "the agent's after-call work.")
  public ResponseEntity<Void> wrapUp(HttpServletRequest request, @PathVariable String id, @RequestBody WrapUpBody body) {
    desk.wrapUp(id, Caller.of(request).person(), body == null ? null : body.code());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/interactions/{id}/transfer")
  @Operation(summary = "Transfer to a queue ({queue}) or to an agent ({agent}, offered first)")
  public Map<String, Object> transfer(HttpServletRequest request, @PathVariable String id, @RequestBody TransferBody body) {
    if (body == null || (body.queue() == null && body.agent() == null)) {
      throw new BadRequestException("a body {queue} or {agent} is required");
    }
    Interaction interaction = desk.transfer(id, Caller.of(request).person(), body.queue(), body.agent());
    return Map.of("interactionId", interaction.id(), "queue", interaction.queue());
  }

  @PostMapping("/api/interactions/{id}/back")
  @Operation(summary = "Go back to the previous script step", description = "409 when the step does not allow it or "
      + "something that cannot be undone (a lookup, an e-mail, a case) happened since.")
  public Map<String, Object> back(HttpServletRequest request, @PathVariable String id) {
    Interaction interaction = desk.back(id, Caller.of(request).person());
    return Map.of("interactionId", interaction.id(), "at", interaction.currentNode());
  }

  @PostMapping("/api/interactions/{id}/hold")
  @Operation(summary = "Put the interaction on hold (recorded in its step log)")
  public ResponseEntity<Void> hold(HttpServletRequest request, @PathVariable String id) {
    desk.hold(id, Caller.of(request).person(), true);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/interactions/{id}/resume")
  @Operation(summary = "Take the interaction off hold (recorded in its step log)")
  public ResponseEntity<Void> resume(HttpServletRequest request, @PathVariable String id) {
    desk.hold(id, Caller.of(request).person(), false);
    return ResponseEntity.noContent().build();
  }

  private void mayReach(Caller caller, String interactionId) {
    desk.checkMayView(interactionId, caller);
  }
}
