package io.switchboard.flow.expr;

import java.util.Optional;

/**
 * Checks that an expression outside the simple subset parses. The flow-schemas module cannot parse
 * JavaScript itself; the runtime supplies a checker backed by its JavaScript engine.
 */
@FunctionalInterface
public interface ExpressionSyntax {
  /** Accepts everything the simple parser does not understand: used when no engine is at hand. */
  ExpressionSyntax LENIENT = source -> Optional.empty();

  /** A sentence describing the syntax error, or empty when the expression parses. */
  Optional<String> check(String source);
}
