package io.switchboard.runtime.engine;

/** Where an interaction stands. */
public enum InteractionStatus {
  running, waiting, completed, failed, cancelled;

  public boolean isFinal() {
    return this == completed || this == failed || this == cancelled;
  }
}
