package io.switchboard.runtime.messages;

import java.util.List;

/**
 * What an inbound message led to: the interaction it started or continued (null when no published flow
 * answers the address) and the replies its steps sent while the webhook request ran it, in order.
 */
public record MessageAnswer(String interactionId, List<String> replies) {
  public MessageAnswer {
    replies = replies == null ? List.of() : List.copyOf(replies);
  }

  static MessageAnswer unanswered() {
    return new MessageAnswer(null, List.of());
  }
}
