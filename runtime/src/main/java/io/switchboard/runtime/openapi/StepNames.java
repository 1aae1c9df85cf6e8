package io.switchboard.runtime.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names a person reads for the steps made from operations: {@code getCustomerByPhone} becomes
 * "Get customer by phone", and an operation without an id is named from its summary when that is
 * short, else from its method and path ("Get customers by customer id").
 */
final class StepNames {
  /** A summary longer than this is a sentence to describe the step with, not a name. */
  static final int LONGEST_NAME = 60;
  private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  private StepNames() {
  }

  static String name(String operationId, String summary, String method, String path) {
    if (operationId != null && !words(operationId).isEmpty()) {
      return sentence(words(operationId));
    }
    if (shortSummary(summary)) {
      return capitalized(summary.strip().replaceAll("[.:;]+$", ""));
    }
    return fromPath(method, path);
  }

  /** The operation's description, else its summary when that did not become the name. */
  static String description(String operationId, String summary, String description) {
    if (description != null && !description.isBlank()) {
      return description.strip();
    }
    boolean summaryIsTheName = (operationId == null || words(operationId).isEmpty()) && shortSummary(summary);
    return summary == null || summary.isBlank() || summaryIsTheName ? null : summary.strip();
  }

  /** {@code id}, or {@code id-2}, {@code id-3} … when an earlier step of the same import took it; the result is taken. */
  static String unique(String id, Set<String> taken) {
    String candidate = id;
    for (int n = 2; !taken.add(candidate); n++) {
      String suffix = "-" + n;
      candidate = (id.length() + suffix.length() > 64 ? id.substring(0, 64 - suffix.length()) : id) + suffix;
    }
    return candidate;
  }

  private static boolean shortSummary(String summary) {
    return summary != null && !summary.isBlank() && summary.strip().length() <= LONGEST_NAME;
  }

  private static String fromPath(String method, String path) {
    String verb = switch (method) {
      case "POST" -> "create";
      case "PUT" -> "replace";
      case "PATCH" -> "update";
      case "DELETE" -> "delete";
      default -> "get";
    };
    List<String> things = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (String segment : path.split("/")) {
      var parameter = PATH_PARAMETER.matcher(segment);
      if (parameter.matches()) {
        keys.add(String.join(" ", words(parameter.group(1))));
      } else {
        things.addAll(words(segment));
      }
    }
    List<String> all = new ArrayList<>(List.of(verb));
    all.addAll(things);
    if (!keys.isEmpty()) {
      all.add("by");
      all.add(String.join(" and ", keys));
    }
    return sentence(all);
  }

  /** Lower-case words, acronyms ("ID", "SMS") kept as written. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : WORD_BREAK.split(text)) {
      if (!word.isEmpty()) {
        words.add(word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) ? word : word.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  private static String sentence(List<String> words) {
    return capitalized(String.join(" ", words));
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
