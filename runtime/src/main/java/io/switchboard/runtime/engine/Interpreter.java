package io.switchboard.runtime.engine;

import io.switchboard.flow.expr.ExpressionException;
import io.switchboard.runtime.connector.DataStepException;
import io.switchboard.runtime.node.InputRejectedException;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.node.RuntimeServices;
import io.switchboard.runtime.node.StepContext;
import io.switchboard.runtime.node.StepLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advances an interaction through automatic nodes until one waits, ends or fails. Starting and
 * resuming enter the same loop; every step is logged on the interaction for the store to save.
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

  /**
   * Continues a waiting interaction with its input.
   *
   * @throws InputRejectedException when the input does not fit; the interaction is then unchanged
   */
  public void resume(CompiledFlow flow, Interaction interaction, Resume input) {
    if (interaction.status() != InteractionStatus.waiting) {
      throw InputRejectedException.conflict("the interaction is " + interaction.status() + ", not waiting");
    }
    run(flow, interaction, flow.node(interaction.currentNode()), input);
  }

  private void run(CompiledFlow flow, Interaction interaction, CompiledNode node, Resume input) {
    StepContext context = new StepContext(interaction, services);
    StepLog stepLog = new StepLog(context);
    int automatic = 0;
    while (true) {
      interaction.at(node.id());
      context.beginStep(interaction.nextSeq());
      long startedAtMicros = services.clock().millis() * 1000;
      long t0 = System.nanoTime();
      Outcome outcome = input == null ? execute(node, context) : resume(node, context, input, interaction);
      input = null;
      long duration = System.nanoTime() - t0;
      switch (outcome) {
        case Outcome.Next next -> {
          interaction.log(stepLog.entry(interaction.nextSeq(), node, node.ports().name(next.port()), startedAtMicros, duration, null));
          int target = node.target(next.port());
          if (target < 0) {
            interaction.complete(null);
            return;
          }
          node = flow.node(target);
        }
        case Outcome.Wait wait -> {
          interaction.log(stepLog.entry(interaction.nextSeq(), node, null, startedAtMicros, duration, null));
          interaction.await(wait.waiting());
          return;
        }
        case Outcome.End end -> {
          interaction.log(stepLog.entry(interaction.nextSeq(), node, null, startedAtMicros, duration, null));
          interaction.complete(end.outcome());
          return;
        }
        case Outcome.Fail fail -> {
          boolean handled = node.errorTarget() >= 0;
          interaction.log(stepLog.entry(interaction.nextSeq(), node, handled ? "error" : null, startedAtMicros, duration, fail.message()));
          if (!handled) {
            interaction.fail(node.id() + ": " + fail.message());
            return;
          }
          node = flow.node(node.errorTarget());
        }
      }
      if (++automatic >= maxAutomaticSteps) {
        interaction.fail("stopped after " + maxAutomaticSteps + " automatic steps without waiting; the flow may loop");
        return;
      }
    }
  }

  private Outcome resume(CompiledNode node, StepContext context, Resume input, Interaction interaction) {
    Outcome outcome = guarded(node, () -> node.executor().resume(context, input));
    interaction.resumed();
    return outcome;
  }

  private Outcome execute(CompiledNode node, StepContext context) {
    return guarded(node, () -> node.executor().execute(context));
  }

  private static Outcome guarded(CompiledNode node, java.util.function.Supplier<Outcome> step) {
    try {
      return step.get();
    } catch (InputRejectedException e) {
      throw e;
    } catch (ExpressionException | DataStepException e) {
      return new Outcome.Fail(e.getMessage());
    } catch (RuntimeException e) {
      log.error("Node {} ({}) failed unexpectedly", node.id(), node.type(), e);
      return new Outcome.Fail("internal error in " + node.type().id() + " step (" + e.getClass().getSimpleName() + ")");
    }
  }
}
