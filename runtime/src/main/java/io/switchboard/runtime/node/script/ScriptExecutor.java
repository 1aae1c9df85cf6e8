package io.switchboard.runtime.node.script;

import io.switchboard.runtime.failure.Result;
import io.switchboard.flow.model.config.ScriptConfig;
import io.switchboard.runtime.node.Waiting;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.node.StepContext;
import java.util.LinkedHashMap;
import java.util.List;
import io.switchboard.runtime.node.QueueInfo;
import io.switchboard.runtime.node.Queueing;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shows the agent a prompt with answers and fields, and waits. The agent's answer picks the port;
 * the fields become variables. Reached while no agent has the interaction, it first waits in its
 * queue (the step's, else the one the interaction was started for — a call list's — else the trigger's
 * default) until one accepts.
 */
public final class ScriptExecutor implements NodeExecutor {
  /**
   * A decimal number as people type it; what {@link Double#valueOf} reads beyond that ({@code NaN},
   * {@code Infinity}, hexadecimal, a {@code d} or {@code f} suffix) is not a number to a caller.
   */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final String nodeId;
  private final CompiledTemplate prompt;
  private final ScriptConfig config;
  private final Map<String, Integer> answerPorts = new LinkedHashMap<>();
  private final List<Map<String, Object>> answers;
  private final List<Map<String, Object>> fields;
  /** Where it waits for an agent when none has the interaction: the step's queue, else the flow's default. */
  private final String queue;
  private final String defaultQueue;

  public ScriptExecutor(CompileContext context) {
    this.nodeId = context.node().id();
    this.config = context.config(ScriptConfig.class);
    this.prompt = context.expressions().template(config.prompt());
    this.queue = config.queue();
    this.defaultQueue = context.defaultQueue();
    for (ScriptConfig.Answer answer : config.answers()) {
      answerPorts.put(answer.port(), context.ports().index(answer.port()));
    }
    this.answers = config.answers().stream().map(a -> Map.<String, Object>of("port", a.port(), "label", a.label())).toList();
    this.fields = config.fields().stream().map(f -> Map.<String, Object>of("variable", f.variable(), "label", f.label(),
        "type", f.type(), "required", f.required())).toList();
  }

  @Override
  public Outcome execute(StepContext context) {
    Map<String, Object> details = new LinkedHashMap<>();
    Result<String> text = context.render(prompt);
    if (!text.isOk()) {
      return Outcome.fail(text.failure());
    }
    details.put("prompt", text.value());
    details.put("answers", answers);
    details.put("fields", fields);
    details.put("allowBack", config.allowBack());
    String queueName = queue != null ? queue : Queueing.triggerValue(context, "queue").orElse(defaultQueue);
    if (context.agent() == null && queueName != null) {
      Optional<QueueInfo> known = context.queueInfo(queueName);
      if (known.isPresent()) {
        return Queueing.enqueue(context, nodeId, known.get(), details);
      }
    }
    return new Outcome.Wait(new Waiting(nodeId, Waiting.Kind.agent_answer, null, null, details));
  }

  @Override
  public Outcome resume(StepContext context, Resume input) {
    if (Queueing.inQueue(context)) {
      return switch (input) {
        case Resume.AgentAssigned accepted -> {
          Queueing.assign(context, accepted);
          yield execute(context);
        }
        case Resume.TimerFired fired -> Outcome.fail(Queueing.timedOut(context));
        default -> Outcome.conflict("this step waits in a queue for an agent");
      };
    }
    if (!(input instanceof Resume.AgentAnswer answer)) {
      return Outcome.conflict("this step waits for an agent's answer");
    }
    Integer port = answerPorts.get(answer.answer());
    if (port == null) {
      return Outcome.badInput("'" + answer.answer() + "' is not an answer of this step; the answers are '"
          + String.join("', '", answerPorts.keySet()) + "'");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ScriptConfig.Field field : config.fields()) {
      Object value = answer.fields().get(field.variable());
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (field.required()) {
          return Outcome.badInput("the field '" + field.label() + "' (" + field.variable() + ") is required");
        }
        continue;
      }
      Object coerced = coerce(field, value);
      if (coerced == null) {
        return Outcome.badInput("the field '" + field.label() + "' needs " + (field.type().equals("number")
            ? "a number" : "true or false") + ", not '" + value + "'");
      }
      values.put(field.variable(), coerced);
    }
    for (String name : answer.fields().keySet()) {
      if (config.fields().stream().noneMatch(f -> f.variable().equals(name))) {
        return Outcome.badInput("'" + name + "' is not a field of this step");
      }
    }
    values.forEach(context::set);
    return Outcome.next(port);
  }

  /** The value as the field's type, or null when it does not read as that type. */
  private static Object coerce(ScriptConfig.Field field, Object value) {
    return switch (field.type()) {
      case "number" -> number(value);
      case "boolean" -> {
        if (value instanceof Boolean) {
          yield value;
        }
        String text = String.valueOf(value).strip();
        yield text.equals("true") || text.equals("false") ? Boolean.valueOf(text) : null;
      }
      default -> String.valueOf(value);
    };
  }

  /** A finite number, or null. */
  private static Object number(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return Double.isFinite(((Number) value).doubleValue()) ? value : null;
    }
    if (value instanceof Number) {
      return value;
    }
    String text = String.valueOf(value).strip();
    if (!DECIMAL.matcher(text).matches()) {
      return null;
    }
    double number = Double.parseDouble(text);
    return Double.isFinite(number) ? number : null;
  }
}
