package io.switchboard.runtime.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.service.BadRequestException;
import io.switchboard.runtime.service.InteractionService;
import io.switchboard.runtime.service.StartRequest;
import io.switchboard.runtime.desk.DeskService;
import io.switchboard.runtime.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/interactions")
@Tag(name = "Interactions", description = "Runs of published flows, their inputs and step logs")
public class InteractionController {
  private final InteractionService interactions;
  private final DeskService desk;

  public InteractionController(InteractionService interactions, DeskService desk) {
    this.interactions = interactions;
    this.desk = desk;
  }

  /** What starts an interaction. */
  public record StartBody(String flowId, String channel, String from, String to, Map<String, Object> variables,
      Map<String, Object> data) {}

  /** An agent's answer to the waiting script step. */
  public record InputBody(String nodeId, String answer, Map<String, Object> fields) {}

  /** An external event for an interaction that waits for it. */
  public record EventBody(String name, Object data) {}

  @PostMapping
  @Operation(summary = "Start an interaction of the flow's newest published version", description = "Runs it to its first "
      + "wait or its end and answers 201 once that state is committed.")
  public ResponseEntity<InteractionView> start(@RequestBody StartBody body) {
    if (body == null) {
      throw new BadRequestException("a body {flowId, channel, from, to, variables} is required");
    }
    Interaction started = interactions.start(new StartRequest(body.flowId(), body.channel(), body.from(), body.to(),
        body.variables(), body.data(), null));
    return ResponseEntity.status(HttpStatus.CREATED).body(InteractionView.of(started, null, null));
  }

  @GetMapping("/{id}")
  @Operation(summary = "The interaction with its step log")
  public InteractionView get(HttpServletRequest request, @PathVariable String id) {
    Caller caller = Caller.of(request);
    desk.checkMayView(id, caller);
    Interaction interaction = interactions.get(id);
    return InteractionView.of(interaction, interactions.steps(id), interactions.deliveries(id));
  }

  @PostMapping("/{id}/input")
  @Operation(summary = "Answer the waiting script step", description = "409 when the interaction does not wait at that "
      + "step, 400 when the answer or a field is wrong; nothing changes then.")
  public InteractionView input(HttpServletRequest request, @PathVariable String id, @RequestBody InputBody body) {
    if (body == null) {
      throw new BadRequestException("a body {nodeId, answer, fields} is required");
    }
    Caller caller = Caller.of(request);
    desk.checkHolds(id, caller);
    return InteractionView.of(interactions.answer(id, new Resume.AgentAnswer(body.nodeId(), body.answer(), body.fields(),
        caller.username())), null, null);
  }

  @PostMapping("/{id}/events")
  @Operation(summary = "Deliver a named event to an interaction that waits for it")
  public InteractionView event(@PathVariable String id, @RequestBody EventBody body) {
    if (body == null || body.name() == null || body.name().isBlank()) {
      throw new BadRequestException("a body {name, data} is required");
    }
    return InteractionView.of(interactions.event(id, body.name(), body.data()), null, null);
  }
}
