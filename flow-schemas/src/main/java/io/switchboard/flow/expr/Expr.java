package io.switchboard.flow.expr;

import java.util.List;
import java.util.Set;

/**
 * An expression of the simple subset (paths, literals, comparisons, {@code &&}, {@code ||}, {@code !})
 * that is evaluated without a JavaScript engine, with JavaScript's semantics.
 */
public sealed interface Expr {

  /** Evaluates against the variables in scope. */
  Object evaluate(Scope scope);

  /** Adds the root names this expression reads (the {@code a} of {@code a.b[0]}). */
  void collectRoots(Set<String> roots);

  /** A literal: string, number (Double), boolean or null. */
  record Literal(Object value) implements Expr {
    @Override
    public Object evaluate(Scope scope) {
      return value;
    }

    @Override
    public void collectRoots(Set<String> roots) {}
  }

  /** A variable and the property names or indexes below it. */
  record Path(String root, List<Object> segments) implements Expr {
    public Path {
      segments = List.copyOf(segments);
    }

    @Override
    public Object evaluate(Scope scope) {
      Object value = scope.lookup(root);
      String walked = root;
      for (Object segment : segments) {
        value = JsValues.member(value, segment, walked);
        walked = walked + "." + segment;
      }
      return value;
    }

    @Override
    public void collectRoots(Set<String> roots) {
      roots.add(root);
    }
  }

  record Not(Expr operand) implements Expr {
    @Override
    public Object evaluate(Scope scope) {
      return !JsValues.truthy(operand.evaluate(scope));
    }

    @Override
    public void collectRoots(Set<String> roots) {
      operand.collectRoots(roots);
    }
  }

  /** {@code &&}: the left value when falsy, else the right value (as in JavaScript). */
  record And(Expr left, Expr right) implements Expr {
    @Override
    public Object evaluate(Scope scope) {
      Object l = left.evaluate(scope);
      return JsValues.truthy(l) ? right.evaluate(scope) : l;
    }

    @Override
    public void collectRoots(Set<String> roots) {
      left.collectRoots(roots);
      right.collectRoots(roots);
    }
  }

  /** {@code ||}: the left value when truthy, else the right value (as in JavaScript). */
  record Or(Expr left, Expr right) implements Expr {
    @Override
    public Object evaluate(Scope scope) {
      Object l = left.evaluate(scope);
      return JsValues.truthy(l) ? l : right.evaluate(scope);
    }

    @Override
    public void collectRoots(Set<String> roots) {
      left.collectRoots(roots);
      right.collectRoots(roots);
    }
  }

  record Compare(Operator operator, Expr left, Expr right) implements Expr {
    @Override
    public Object evaluate(Scope scope) {
      return operator.apply(left.evaluate(scope), right.evaluate(scope));
    }

    @Override
    public void collectRoots(Set<String> roots) {
      left.collectRoots(roots);
      right.collectRoots(roots);
    }
  }

  enum Operator {
    LOOSE_EQ("=="), STRICT_EQ("==="), LOOSE_NE("!="), STRICT_NE("!=="), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    boolean apply(Object l, Object r) {
      return switch (this) {
        case LOOSE_EQ -> JsValues.looseEquals(l, r);
        case STRICT_EQ -> JsValues.strictEquals(l, r);
        case LOOSE_NE -> !JsValues.looseEquals(l, r);
        case STRICT_NE -> !JsValues.strictEquals(l, r);
        case LT -> JsValues.compare(l, r, c -> c < 0);
        case LE -> JsValues.compare(l, r, c -> c <= 0);
        case GT -> JsValues.compare(l, r, c -> c > 0);
        case GE -> JsValues.compare(l, r, c -> c >= 0);
      };
    }
  }
}
