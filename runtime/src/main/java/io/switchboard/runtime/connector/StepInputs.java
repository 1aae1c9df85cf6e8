package io.switchboard.runtime.connector;

import io.switchboard.flow.json.FlowJson;
import io.switchboard.runtime.failure.Failure;
import io.switchboard.runtime.failure.Failure.Code;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Checks the values a fetch node gives a step against the inputs the step declares, before anything
 * is sent: a required input must not be empty, and a value must read as the declared type (a
 * number, true or false, a JSON object or array). Values are passed on as they are.
 */
final class StepInputs {
  private StepInputs() {}

  /** The first input whose value does not fit, named with what is wrong; empty when all fit. */
  static Optional<Failure> check(String stepName, List<StepDefinition.Input> declared, Map<String, Object> given) {
    for (StepDefinition.Input input : declared) {
      Object value = given.get(input.name());
      boolean empty = value == null || value instanceof String s && s.isBlank();
      if (empty) {
        if (input.required()) {
          return Optional.of(Failure.of(Code.invalid_input, stepName + ": the required input '" + input.name()
              + "' is empty").with("input", input.name()));
        }
        continue;
      }
      if (value instanceof String text && !fits(input.type(), text.strip())) {
        return Optional.of(Failure.of(Code.invalid_input, stepName + ": the input '" + input.name() + "' should be "
            + article(input.type()) + ", not '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'")
            .with("input", input.name()));
      }
    }
    return Optional.empty();
  }

  private static boolean fits(String type, String text) {
    return switch (type) {
      case "number" -> isNumber(text);
      case "boolean" -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
      case "object" -> isJson(text, '{');
      case "array" -> isJson(text, '[');
      default -> true;
    };
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isJson(String text, char opening) {
    if (text.isEmpty() || text.charAt(0) != opening) {
      return false;
    }
    try {
      FlowJson.mapper().readTree(text);
      return true;
    } catch (JacksonException e) {
      return false;
    }
  }

  private static String article(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "array", "object" -> "a JSON " + type;
      case "boolean" -> "true or false";
      default -> "a " + type;
    };
  }
}
