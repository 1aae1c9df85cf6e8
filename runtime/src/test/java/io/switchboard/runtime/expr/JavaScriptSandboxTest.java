package io.switchboard.runtime.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.flow.expr.ExpressionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaScriptSandboxTest {
  private static final JavaScriptSandbox SANDBOX = new JavaScriptSandbox(
      new SandboxLimits(100_000, Duration.ofSeconds(2), 10_000, 10_000, 2)); // roomy: a loaded CI machine is slow
  private static final Map<String, Object> VARIABLES = Map.of("tags", List.of("vip", "new"), "name", "Ann", "n", 3);

  @AfterAll
  static void close() {
    SANDBOX.close();
  }

  private static Object eval(String source) {
    return SANDBOX.compile(source, Set.of("tags", "name", "n", "trigger")).evaluate(VARIABLES::get);
  }

  @Test
  void evaluatesJavaScriptOverTheVariablesAndReturnsPlainValues() {
    assertThat(eval("tags.includes('vip') && name.toUpperCase() === 'ANN'")).isEqualTo(true);
    assertThat(eval("n * 2 + 1")).isEqualTo(7);
    assertThat(eval("({first: name[0], all: tags.map(t => t.length)})")).isEqualTo(Map.of("first", "A", "all", List.of(3, 3)));
    assertThat(eval("undefined")).isNull();
  }

  @Test
  void checksSyntaxWithoutRunningAnything() {
    assertThat(SANDBOX.check("a.b(")).get().asString().contains("SyntaxError");
    assertThat(SANDBOX.check("a + 1")).isEmpty();
    assertThatThrownBy(() -> SANDBOX.compile("n +", Set.of("n"))).isInstanceOf(ExpressionException.class)
        .hasMessageContaining("is not a valid expression");
  }

  @Test
  void expressionsAreStrictModeJavaScriptAndStrictModeReservedNamesStayPropertyNames() {
    assertThat(SANDBOX.check("010 + 1")).get().asString().contains("SyntaxError");
    assertThat(SANDBOX.check("(() => { undeclared = 1; })")).isEmpty();
    assertThatThrownBy(() -> eval("(() => { undeclared = 1; })()")).hasMessageContaining("ReferenceError");
    assertThat(SANDBOX.compile("trigger.public + trigger.static", Set.of("trigger", "public", "static"))
        .evaluate(Map.of("trigger", Map.of("public", 1, "static", 2))::get)).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Java.type('java.lang.Runtime')",
      "java.lang.System.exit(1)",
      "Polyglot.eval('js', '1')",
      "load('/etc/passwd')",
      "require('fs')",
      "new Worker('x')",
      "quit()"})
  void hostAccessIsNotThere(String hostile) {
    assertThatThrownBy(() -> eval(hostile)).isInstanceOf(ExpressionException.class).hasMessageContaining("failed");
  }

  @Test
  @Timeout(10)
  void anEndlessLoopIsStoppedAndTheSandboxStaysUsable() {
    assertThatThrownBy(() -> eval("(() => { while (true) {} })()")).isInstanceOf(ExpressionException.class)
        .hasMessageContaining("was stopped");
    assertThatThrownBy(() -> eval("(() => { let s = 0; for (;;) { s += 1 } })()")).hasMessageContaining("was stopped");
    assertThat(eval("n + 1")).isEqualTo(4);
  }

  @Test
  @Timeout(10)
  void hugeResultsAndHugeAllocationsAreRefused() {
    assertThatThrownBy(() -> eval("'x'.repeat(2 ** 20)")).hasMessageContaining("too large to keep");
    assertThatThrownBy(() -> eval("(() => { const a = []; while (true) a.push('x'.repeat(1000)); })()"))
        .hasMessageContaining("was stopped");
    assertThat(eval("name")).isEqualTo("Ann");
  }

  @Test
  void oversizedInputIsRefusedBeforeEnteringTheEngine() {
    String big = "y".repeat(20_000);
    assertThatThrownBy(() -> SANDBOX.compile("name.length", Set.of("name")).evaluate(n -> big))
        .hasMessageContaining("too large to evaluate");
  }
}
