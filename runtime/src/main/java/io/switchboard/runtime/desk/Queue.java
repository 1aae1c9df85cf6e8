package io.switchboard.runtime.desk;

import java.util.List;

/** A queue: who works it, how long an interaction may wait in it, the after-call work and its wrap-up codes. */
public record Queue(String id, String name, List<String> members, int maxWaitSeconds, int afterCallWorkSeconds,
    List<String> wrapUpCodes) {
  public Queue {
    members = members == null ? List.of() : List.copyOf(members);
    wrapUpCodes = wrapUpCodes == null ? List.of() : List.copyOf(wrapUpCodes);
  }
}
