package io.switchboard.flow.model.config;

import java.util.List;

/**
 * Config of a {@code route} node: the queue, the priority (an expression), where the caller's region
 * comes from, a preferred agent, the skills asked for, the expanding steps and the time limit.
 */
public record RouteConfig(String queue, String priority, String region, String preferredAgent, List<Skill> skills,
    List<Step> steps, Integer timeoutSeconds) {
  public static final int DEFAULT_TIMEOUT_SECONDS = 300;

  public RouteConfig {
    skills = skills == null ? List.of() : List.copyOf(skills);
    steps = steps == null ? List.of() : List.copyOf(steps);
    timeoutSeconds = timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
  }

  public record Skill(String skill, Integer minLevel, Boolean required) {
    public Skill {
      minLevel = minLevel == null ? 1 : minLevel;
      required = required == null || required;
    }
  }

  /** skills is one of required, preferred, ignored. */
  public record Step(String label, Integer seconds, Boolean preferredAgentOnly, Boolean sameRegion, String skills,
      String queue) {
    public Step {
      preferredAgentOnly = preferredAgentOnly != null && preferredAgentOnly;
      sameRegion = sameRegion != null && sameRegion;
      skills = skills == null ? "required" : skills;
    }
  }
}
