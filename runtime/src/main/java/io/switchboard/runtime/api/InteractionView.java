package io.switchboard.runtime.api;

import io.switchboard.runtime.model.Delivery;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.node.ProviderInstruction;
import io.switchboard.runtime.engine.StepRecord;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.Waiting;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An interaction as the API shows it, with its step log when asked for one interaction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionView(
    String id,
    String flowId,
    int flowVersion,
    String channel,
    String status,
    String currentNode,
    Waiting waitingFor,
    Map<String, Object> variables,
    Map<String, Object> trigger,
    ProviderInstruction instruction,
    String outcome,
    Failure error,
    String priority,
    String queue,
    String agent,
    Instant createdAt,
    Instant updatedAt,
    List<Step> steps) {

  /** One step of the log, with the delivery state of the messages it sent. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Step(int seq, String nodeId, String nodeType, String port, Instant startedAt, double durationMicros,
      Map<String, Object> changes, Failure error, List<Delivery> deliveries, String actor) {}

  public static InteractionView of(Interaction it, List<StepRecord> steps, List<Delivery> deliveries) {
    List<Step> log = steps == null ? null : steps.stream().map(s -> new Step(s.seq(), s.nodeId(), s.nodeType(), s.port(),
        Instant.ofEpochSecond(0, s.startedAtMicros() * 1000), Math.round(s.durationNanos() / 10.0) / 100.0, s.changes(),
        s.error(), deliveries.stream().filter(d -> d.stepSeq() == s.seq()).toList(), s.actor())).toList();
    return new InteractionView(it.id(), it.flowId(), it.flowVersion(), it.channel(), it.status().name(), it.currentNode(),
        it.waiting(), it.variables(), it.trigger(), it.instruction(), it.outcome(), it.error(), it.priority(), it.queue(), it.agent(),
        Instant.ofEpochMilli(it.createdAt()), Instant.ofEpochMilli(it.updatedAt()), log);
  }

}
