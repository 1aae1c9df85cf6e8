package io.switchboard.runtime.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Engine;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {
  private final ExpressionCompiler compiler = new ExpressionCompiler(Engine.sandbox(), Set.of("loyalty", "score", "trigger"));
  private final Map<String, Object> variables = Map.of("loyalty", "gold", "score", 7, "trigger", Map.of("from", "+48"));

  @Test
  void simpleExpressionsTakeTheFastPathAndAgreeWithJavaScript() {
    for (String source : new String[] {"loyalty == 'gold' || loyalty == 'platinum'", "score >= 7 && !(score > 9)",
        "trigger.from", "score == '7'", "loyalty", "null", "score < 'x'"}) {
      assertThat(ExpressionCompiler.isSimple(source)).as(source).isTrue();
      Object fast = compiler.expression(source).evaluate(variables::get);
      Object javascript = Engine.sandbox().compile(source, Set.of("loyalty", "score", "trigger")).evaluate(variables::get);
      assertThat(String.valueOf(fast)).as(source).isEqualTo(String.valueOf(javascript));
    }
  }

  @Test
  void templatesRenderValuesObjectsAndNothingForNull() {
    CompiledTemplate template = compiler.template("{{ loyalty }} #{{ score }} {{ trigger }} [{{ null }}]");
    assertThat(template.render(variables::get)).isEqualTo("gold #7 {\"from\":\"+48\"} []");
    assertThat(compiler.template("{{ score * 2 }}").render(variables::get)).isEqualTo("14");
  }
}
