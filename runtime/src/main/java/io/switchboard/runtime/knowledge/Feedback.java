package io.switchboard.runtime.knowledge;

import java.util.Arrays;
import java.util.Optional;

/** What a reader says of an article: it helped, it did not help, or an agent sent it to a customer. */
public enum Feedback {
  HELPED("helped"), NOT_HELPED("not-helped"), SENT("sent");

  private final String id;

  Feedback(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Feedback> parse(String text) {
    return text == null ? Optional.empty() : Arrays.stream(values()).filter(f -> f.id.equalsIgnoreCase(text.strip())).findFirst();
  }
}
