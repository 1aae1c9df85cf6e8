package io.switchboard.runtime.desk;

/**
 * An agent's state. Agents choose available, away or offline; the desk sets after-call work when an
 * interaction ends, and shows busy while an available agent holds work; away after two offers lapsed
 * in a row; offline when no session of theirs answered for a while.
 */
public enum AgentState {
  available, busy, after_call_work, away, offline;

  /** What an agent may choose. */
  public boolean chosen() {
    return this == available || this == away || this == offline;
  }
}
