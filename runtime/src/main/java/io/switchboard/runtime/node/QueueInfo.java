package io.switchboard.runtime.node;

import java.util.List;
import java.util.Map;

/**
 * What a step needs to know of a queue it sends an interaction to: its maximum wait, and its members
 * who are signed in now (not offline) with their skills, to tell whether anyone able is there.
 */
public record QueueInfo(String id, int maxWaitSeconds, List<Member> signedIn) {

  public QueueInfo(String id, int maxWaitSeconds) {
    this(id, maxWaitSeconds, List.of());
  }

  public QueueInfo {
    signedIn = signedIn == null ? List.of() : List.copyOf(signedIn);
  }

  /** A signed-in member and their skills (name → level 1–5); {@code everySkill} stands in for anyone able (a test run). */
  public record Member(String username, Map<String, Integer> skills, boolean everySkill) {
    public Member(String username, Map<String, Integer> skills) {
      this(username, skills, false);
    }

    public int level(String skill) {
      return everySkill ? 5 : skills.getOrDefault(skill, 0);
    }
  }
}
