package io.switchboard.runtime.engine;

import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.Rejection;
import io.switchboard.runtime.node.Resume;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advances an interaction through automatic nodes until one waits, ends or fails. Starting and
 * resuming enter the same loop; every step is logged on the interaction for the store to save.
 * Executors return expected failures as values; the guard around each step catches only bugs.
 */
public final class Interpreter {
  private static final Logger log = LoggerFactory.getLogger(Interpreter.class);

  private final RuntimeServices services;
  private final int maxAutomaticSteps;

  public Interpreter(RuntimeServices services, int maxAutomaticSteps) {
    this.services = services;
    this.maxAutomaticSteps = maxAutomaticSteps;
  }

  public void start(CompiledFlow flow, Interaction interaction) {
    run(flow, interaction, flow.node(flow.trigger()), null);
  }

  /** Runs an interaction again from an earlier node (an agent going back one script step). */
  public void rewind(CompiledFlow flow, Interaction interaction, String nodeId) {
    interaction.resumed();
    run(flow, interaction, flow.node(nodeId), null);
  }

  /** Continues a waiting interaction with its input; a rejection leaves the interaction unchanged. */
  public Optional<Rejection> resume(CompiledFlow flow, Interaction interaction, Resume input) {
    if (interaction.status() != InteractionStatus.waiting) {
      return Optional.of(new Rejection("the interaction is " + interaction.status() + ", not waiting", true));
    }
    return run(flow, interaction, flow.node(interaction.currentNode()), input);
  }

  private Optional<Rejection> run(CompiledFlow flow, Interaction interaction, CompiledNode node, Resume input) {
    InteractionContext context = new InteractionContext(interaction, services);
    StepLog stepLog = new StepLog(context);
    int automatic = 0;
    while (true) {
      interaction.at(node.id());
      context.beginStep(interaction.nextSeq());
      long startedAtMicros = services.clock().millis() * 1000;
      long t0 = System.nanoTime();
      Outcome outcome = guarded(node, context, input);
      if (outcome instanceof Outcome.Reject reject) {
        return Optional.of(reject.rejection());
      }
      String actor = input == null ? null : input.actor();
      if (input != null) {
        interaction.resumed();
        input = null;
      }
      long duration = System.nanoTime() - t0;
      int seq = interaction.nextSeq();
      int target;
      switch (outcome) {
        case Outcome.Next next -> {
          interaction.log(stepLog.entry(seq, node, node.ports().name(next.port()), startedAtMicros, duration, null, actor));
          target = node.target(next.port());
        }
        case Outcome.Fail fail -> {
          int port = fail.port() >= 0 ? fail.port() : node.errorPort();
          interaction.log(stepLog.entry(seq, node, port >= 0 ? node.ports().name(port) : null, startedAtMicros, duration,
              fail.failure(), actor));
          interaction.failed(fail.failure());
          if (port < 0) {
            interaction.fail(fail.failure().withMessage(node.id() + ": " + fail.failure().message()));
            return Optional.empty();
          }
          target = node.target(port);
        }
        case Outcome.Wait wait -> {
          interaction.log(stepLog.entry(seq, node, null, startedAtMicros, duration, null, actor));
          interaction.await(wait.waiting());
          return Optional.empty();
        }
        case Outcome.End end -> {
          interaction.log(stepLog.entry(seq, node, null, startedAtMicros, duration, null, actor));
          interaction.complete(end.outcome());
          return Optional.empty();
        }
        case Outcome.Reject reject -> throw new IllegalStateException("handled above");
      }
      if (target < 0) {
        interaction.complete(null);
        return Optional.empty();
      }
      if (++automatic >= maxAutomaticSteps) {
        interaction.fail(Failure.of(Failure.Code.loop_guard, "stopped after " + maxAutomaticSteps
            + " automatic steps without waiting; the flow may loop"));
        return Optional.empty();
      }
      node = flow.node(target);
    }
  }

  /** Runs one step; an exception here is a bug, logged once and recorded as {@code unexpected}. */
  private static Outcome guarded(CompiledNode node, InteractionContext context, Resume input) {
    try {
      return input == null ? node.executor().execute(context) : node.executor().resume(context, input);
    } catch (RuntimeException e) {
      log.error("Node {} ({}) failed unexpectedly", node.id(), node.type(), e);
      return Outcome.fail(Failure.of(Failure.Code.unexpected, "internal error in the " + node.type().id()
          + " step (" + e.getClass().getSimpleName() + "); the log has the details"));
    }
  }
}
