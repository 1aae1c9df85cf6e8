package io.switchboard.runtime.node;

import io.switchboard.runtime.failure.Failure;

/** What a node's execution decided: take a port, wait, end, fail, or (on resume only) refuse the input. */
public sealed interface Outcome {

  /** Take the port with this index (indexes come from {@link Ports} at compile time). */
  record Next(int port) implements Outcome {}

  /** Stop until the input the waiting describes arrives. */
  record Wait(Waiting waiting) implements Outcome {}

  /** Finish the interaction. */
  record End(String outcome) implements Outcome {}

  /**
   * An expected failure. With {@code port} below zero the node's {@code error} port is taken when
   * connected, else the interaction fails; a node with a port of its own for failures (e-mail's
   * {@code failed}) names it. Either way the failure is logged and readable as {@code interaction.error}.
   */
  record Fail(Failure failure, int port) implements Outcome {}

  /** The input does not fit what the node waits for; nothing changed. Only {@link NodeExecutor#resume} returns it. */
  record Reject(Rejection rejection) implements Outcome {}

  static Next next(int port) {
    return port < CACHE.length ? CACHE[port] : new Next(port);
  }

  /** Fails through the node's {@code error} port. */
  static Fail fail(Failure failure) {
    return new Fail(failure, -1);
  }

  /** Fails through a port of the node's own. */
  static Fail failVia(int port, Failure failure) {
    return new Fail(failure, port);
  }

  static Reject conflict(String message) {
    return new Reject(new Rejection(message, true));
  }

  static Reject badInput(String message) {
    return new Reject(new Rejection(message, false));
  }

  Next[] CACHE = {new Next(0), new Next(1), new Next(2), new Next(3), new Next(4), new Next(5), new Next(6), new Next(7)};
}
