package io.switchboard.runtime.node;

/**
 * What the channel provider should do with the interaction now: dial a SIP URI or a number, or put
 * it in a queue, or hand it to an agent. {@code awaitStatus} asks the provider to report back.
 */
public record ProviderInstruction(Verb verb, String target, boolean awaitStatus) {
  public enum Verb {
    sip, number, queue, agent
  }
}
