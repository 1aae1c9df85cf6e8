package io.switchboard.runtime.node.route;

import io.switchboard.flow.model.config.RouteConfig;
import io.switchboard.runtime.expr.CompiledExpression;
import io.switchboard.runtime.expr.CompiledTemplate;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Result;
import io.switchboard.runtime.node.CompileContext;
import io.switchboard.runtime.node.NodeExecutor;
import io.switchboard.runtime.node.Outcome;
import io.switchboard.runtime.node.QueueInfo;
import io.switchboard.runtime.node.Queueing;
import io.switchboard.runtime.node.Resume;
import io.switchboard.runtime.node.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits in a queue for the best agent by the requirements stated here as data: skills with levels,
 * the caller's region, a priority, a preferred agent, and expanding steps that widen the search as
 * time passes. The desk's router decides who gets it and explains why; this step only states what
 * is asked. Ports: {@code connected} when an agent accepts, {@code timeout} when the time limit
 * passes, {@code no-agents} at once when nobody able is signed in (when that port leads somewhere).
 */
public final class RouteExecutor implements NodeExecutor {
  private final String nodeId;
  private final RouteConfig config;
  private final CompiledTemplate queue;
  private final CompiledExpression priority;
  private final CompiledTemplate region;
  private final CompiledTemplate preferredAgent;
  private final List<CompiledTemplate> skillNames;
  private final int connected;
  private final int timeout;
  private final int noAgents;
  private final boolean timeoutConnected;
  private final boolean noAgentsConnected;

  public RouteExecutor(CompileContext context) {
    this.nodeId = context.node().id();
    this.config = context.config(RouteConfig.class);
    this.queue = context.expressions().template(config.queue());
    this.priority = config.priority() == null ? null : context.expressions().expression(config.priority());
    this.region = config.region() == null ? null : context.expressions().template(config.region());
    this.preferredAgent = config.preferredAgent() == null ? null : context.expressions().template(config.preferredAgent());
    this.skillNames = config.skills().stream().map(s -> context.expressions().template(s.skill())).toList();
    this.connected = context.ports().index("connected");
    this.timeout = context.ports().index("timeout");
    this.noAgents = context.ports().index("no-agents");
    this.timeoutConnected = context.connected("timeout");
    this.noAgentsConnected = context.connected("no-agents");
  }

  @Override
  public Outcome execute(StepContext context) {
    Result<String> name = context.render(queue);
    if (!name.isOk()) {
      return Outcome.fail(name.failure());
    }
    Optional<QueueInfo> target = context.queueInfo(name.value().strip());
    if (target.isEmpty()) {
      return Outcome.fail(Failure.of(Failure.Code.no_target, "no queue '" + name.value().strip() + "' is defined at the desk"));
    }
    if (priority != null) {
      Result<Object> value = context.evaluate(priority);
      if (!value.isOk()) {
        return Outcome.fail(value.failure());
      }
      if (value.value() instanceof Number number) {
        context.priority(Long.toString(Math.round(number.doubleValue())));
      } else if (value.value() instanceof String text && !text.isBlank()) {
        context.priority(text.strip());
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    Result<String> hint = region == null ? Result.ok(String.valueOf(context.lookup("trigger") instanceof Map<?, ?> t
        ? t.get("from") : "")) : context.render(region);
    if (!hint.isOk()) {
      return Outcome.fail(hint.failure());
    }
    details.put("regionHint", hint.value().strip());
    String preferred = null;
    if (preferredAgent != null) {
      Result<String> agent = context.render(preferredAgent);
      if (!agent.isOk()) {
        return Outcome.fail(agent.failure());
      }
      preferred = agent.value().isBlank() ? null : agent.value().strip();
    }
    List<Map<String, Object>> skills = new ArrayList<>();
    for (int i = 0; i < skillNames.size(); i++) {
      Result<String> skill = context.render(skillNames.get(i));
      if (!skill.isOk()) {
        return Outcome.fail(skill.failure());
      }
      RouteConfig.Skill asked = config.skills().get(i);
      skills.add(Map.of("skill", skill.value().strip().toLowerCase(java.util.Locale.ROOT), "minLevel", asked.minLevel(),
          "required", asked.required()));
    }
    details.put("requirements", requirements(skills, preferred));
    if (noAgentsConnected && !anyoneAble(context, target.get(), skills)) {
      context.outcome("nobody able is signed in to queue " + target.get().id());
      return Outcome.next(noAgents);
    }
    context.outcome("waiting in queue " + target.get().id() + " for an agent");
    return Queueing.enqueue(context, nodeId, target.get(), details, config.timeoutSeconds());
  }

  @Override
  public Outcome resume(StepContext context, Resume input) {
    if (!Queueing.inQueue(context)) {
      return Outcome.conflict("this step waits in a queue for an agent");
    }
    return switch (input) {
      case Resume.AgentAssigned accepted -> {
        Queueing.assign(context, accepted);
        yield Outcome.next(connected);
      }
      case Resume.TimerFired fired -> timeoutConnected ? Outcome.failVia(timeout, Queueing.timedOut(context))
          : Outcome.fail(Queueing.timedOut(context));
      default -> Outcome.conflict("this step waits in a queue for an agent");
    };
  }

  /** The requirements as data for the router: skills, steps, the preferred agent. */
  private Map<String, Object> requirements(List<Map<String, Object>> skills, String preferred) {
    List<Map<String, Object>> steps = new ArrayList<>();
    for (RouteConfig.Step step : config.steps()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("label", step.label());
      if (step.seconds() != null) {
        s.put("seconds", step.seconds());
      }
      s.put("preferredAgentOnly", step.preferredAgentOnly());
      s.put("sameRegion", step.sameRegion());
      s.put("skills", step.skills());
      if (step.queue() != null) {
        s.put("queue", step.queue());
      }
      steps.add(s);
    }
    Map<String, Object> requirements = new LinkedHashMap<>();
    requirements.put("skills", skills);
    requirements.put("steps", steps);
    if (preferred != null) {
      requirements.put("preferredAgent", preferred);
    }
    return requirements;
  }

  /**
   * Whether a signed-in agent could meet some step: a member of the queue (or of a step's overflow
   * queue) with the required skills, or any member where a step does not require them.
   */
  private boolean anyoneAble(StepContext context, QueueInfo target, List<Map<String, Object>> skills) {
    boolean skillsWaived = config.steps().stream().anyMatch(s -> !s.skills().equals("required"));
    List<QueueInfo> queues = new ArrayList<>(List.of(target));
    config.steps().stream().filter(s -> s.queue() != null).forEach(s -> context.queueInfo(s.queue()).ifPresent(queues::add));
    for (QueueInfo q : queues) {
      for (QueueInfo.Member member : q.signedIn()) {
        if (skillsWaived || skills.stream().filter(s -> (Boolean) s.get("required"))
            .allMatch(s -> member.level((String) s.get("skill")) >= (Integer) s.get("minLevel"))) {
          return true;
        }
      }
    }
    return false;
  }
}
