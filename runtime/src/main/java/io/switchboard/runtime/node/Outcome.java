package io.switchboard.runtime.node;

import io.switchboard.runtime.engine.Waiting;

/** What a node's execution decided: take a port, wait, end, or fail. */
public sealed interface Outcome {

  /** Take the port with this index (indexes come from {@link Ports} at compile time). */
  record Next(int port) implements Outcome {}

  /** Stop until the input the waiting describes arrives. */
  record Wait(Waiting waiting) implements Outcome {}

  /** Finish the interaction. */
  record End(String outcome) implements Outcome {}

  /** An expected failure: the node's {@code error} port is taken when connected, else the interaction fails. */
  record Fail(String message) implements Outcome {}

  static Next next(int port) {
    return port < CACHE.length ? CACHE[port] : new Next(port);
  }

  Next[] CACHE = {new Next(0), new Next(1), new Next(2), new Next(3), new Next(4), new Next(5), new Next(6), new Next(7)};
}
