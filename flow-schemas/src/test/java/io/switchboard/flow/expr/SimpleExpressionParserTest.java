package io.switchboard.flow.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SimpleExpressionParserTest {
  private static final Map<String, Object> VARIABLES = Map.of(
      "loyalty", "gold",
      "age", 42.0,
      "vip", true,
      "empty", "",
      "customer", Map.of("address", Map.of("city", "Kraków"), "tags", List.of("a", "b")));

  private static Object eval(String source) {
    Expr expr = SimpleExpressionParser.parse(source).orElseThrow(() -> new AssertionError("not simple: " + source));
    return expr.evaluate(name -> {
      if (!VARIABLES.containsKey(name)) {
        throw new ExpressionException(name + " is not defined");
      }
      return VARIABLES.get(name);
    });
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
      "loyalty == 'gold' || loyalty == 'platinum' -> true",
      "loyalty === \"silver\" -> false",
      "age > 40 && age <= 42 -> true",
      "age == '42' -> true",
      "age === '42' -> false",
      "!vip -> false",
      "!(age < 18) -> true",
      "customer.address.city == 'Kraków' -> true",
      "customer['tags'][1] == 'b' -> true",
      "customer.tags.length == 2 -> true",
      "customer.missing == null -> true",
      "customer.missing === null -> false",
      "'b' > 'a' -> true",
      "empty || 'fallback' -> fallback",
      "vip && loyalty -> gold",
      "-3 < age -> true",
  })
  void evaluatesWithJavaScriptSemantics(String source, String expected) {
    assertThat(String.valueOf(eval(source))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "loyalty.toUpperCase() == 'GOLD'", "age + 1", "a = 1", "x => x", "1e3", "0x10", "'a\\n'", "typeof x",
      "new Date()", "loyalty ==", "", "a ? b : c", "`t`", "a ?? b", "[1, 2]"})
  void leavesEverythingElseToJavaScript(String source) {
    assertThat(SimpleExpressionParser.parse(source)).isEmpty();
  }

  @Test
  void readingAPropertyOfNothingFailsLikeJavaScript() {
    assertThatThrownBy(() -> eval("customer.missing.deeper")).isInstanceOf(ExpressionException.class)
        .hasMessageContaining("Cannot read 'deeper'");
    assertThatThrownBy(() -> eval("unknown == 1")).hasMessageContaining("unknown is not defined");
  }

  @Test
  void collectsTheRootsItReads() {
    TreeSet<String> roots = new TreeSet<>();
    SimpleExpressionParser.parse("a.b == 'x' && !c[0] || d").orElseThrow().collectRoots(roots);
    assertThat(roots).containsExactly("a", "c", "d");
  }
}
