package io.switchboard.runtime.expr;

import io.switchboard.flow.expr.Scope;

/** An expression compiled at publish time; evaluation returns a JSON-like Java value. */
@FunctionalInterface
public interface CompiledExpression {
  /**
   * @throws io.switchboard.flow.expr.ExpressionException when the expression fails at run time
   */
  Object evaluate(Scope scope);
}
