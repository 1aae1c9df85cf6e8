package io.switchboard.runtime.desk;

/** How a call-list call went, as the agent records it. */
public enum CallOutcome {
  /** Spoke to the contact: done. */
  reached,
  /** Nobody answered: tried again after the retry interval. */
  no_answer,
  /** Engaged: tried again after the retry interval. */
  busy,
  /** Not the contact's number: done, never called again. */
  wrong_number,
  /** The contact asked to be called at a time: offered again then, to the same agent when available. */
  call_back,
  /** Nothing more to do. */
  done;

  boolean retries() {
    return this == no_answer || this == busy;
  }
}
