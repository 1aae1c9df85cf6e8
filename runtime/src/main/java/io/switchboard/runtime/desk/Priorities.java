package io.switchboard.runtime.desk;

/** Priorities as ranks for the queue order: the named ones of the flow format, or a number a flow computed. */
public final class Priorities {
  private Priorities() {}

  public static int rank(String priority) {
    if (priority == null || priority.isBlank()) {
      return 2;
    }
    return switch (priority.strip()) {
      case "low" -> 1;
      case "normal" -> 2;
      case "high" -> 3;
      case "urgent" -> 4;
      default -> {
        try {
          yield Integer.parseInt(priority.strip());
        } catch (NumberFormatException e) {
          yield 2;
        }
      }
    };
  }

  public static String name(int rank) {
    return switch (rank) {
      case 1 -> "low";
      case 2 -> "normal";
      case 3 -> "high";
      case 4 -> "urgent";
      default -> Integer.toString(rank);
    };
  }
}
