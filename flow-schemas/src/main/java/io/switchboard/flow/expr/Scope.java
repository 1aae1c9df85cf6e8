package io.switchboard.flow.expr;

/** The names an expression can read. */
@FunctionalInterface
public interface Scope {
  /**
   * The value of a root name: a JSON-like Java value (String, Number, Boolean, Map, List or null).
   *
   * @throws ExpressionException when the name is not defined (JavaScript's ReferenceError)
   */
  Object lookup(String name);
}
