package io.switchboard.runtime.expr;

import io.switchboard.flow.expr.Expr;
import io.switchboard.flow.expr.ExpressionException;
import io.switchboard.flow.expr.SimpleExpressionParser;
import io.switchboard.flow.expr.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles expressions and templates of one flow version. The simple subset becomes a tree that is
 * evaluated directly; anything else goes to the JavaScript sandbox, parsed now and run later.
 */
public final class ExpressionCompiler {
  private final JavaScriptSandbox sandbox;
  private final Set<String> names;

  /**
   * @param names every name an expression of this flow can read: declared variables and built-ins
   */
  public ExpressionCompiler(JavaScriptSandbox sandbox, Set<String> names) {
    this.sandbox = sandbox;
    this.names = Set.copyOf(names);
  }

  public CompiledExpression expression(String source) {
    Optional<Expr> simple = SimpleExpressionParser.parse(source);
    if (simple.isPresent()) {
      Expr expr = simple.get();
      return expr::evaluate;
    }
    return sandbox.compile(source, names);
  }

  /** True when the expression takes the fast path (no JavaScript engine). */
  public static boolean isSimple(String source) {
    return SimpleExpressionParser.parse(source).isPresent();
  }

  public CompiledTemplate template(String text) {
    if (text == null) {
      return new CompiledTemplate(List.of());
    }
    Template template = Template.parse(text);
    if (template.problem() != null) {
      throw new ExpressionException(template.problem());
    }
    List<Object> parts = new ArrayList<>();
    for (Template.Part part : template.parts()) {
      switch (part) {
        case Template.Text t -> parts.add(t.text());
        case Template.Hole h -> parts.add(new CompiledTemplate.Hole(expression(h.expression()), h.raw()));
      }
    }
    return new CompiledTemplate(parts);
  }
}
