package io.switchboard.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.runtime.engine.Interaction;
import io.switchboard.runtime.engine.InteractionStatus;
import org.junit.jupiter.api.Test;

class SetExecutorTest extends ExecutorTestSupport {
  @Test
  void assignsInOrderSoLaterExpressionsSeeEarlierValuesAndLogsTheChanges() {
    Interaction it = run("""
        [{"name": "a", "type": "number"}, {"name": "b", "type": "string"}, {"name": "ok", "type": "boolean"}]""",
        """
        {"id": "s", "type": "set", "config": {"assignments": {"a": "40 + 2", "b": "'x' + a", "ok": "a > 41 && b == 'x42'"}}},
        {"id": "e", "type": "end"}""",
        """
        {"from": "t", "port": "next", "to": "s"}, {"from": "s", "port": "next", "to": "e"}""");

    assertThat(it.status()).isEqualTo(InteractionStatus.completed);
    assertThat(it.variables()).containsEntry("b", "x42").containsEntry("ok", true);
    assertThat(((Number) it.variables().get("a")).intValue()).isEqualTo(42);
    assertThat(step(it, "s").changes()).containsOnlyKeys("a", "b", "ok");
  }

  @Test
  void aFailingExpressionFailsTheInteractionWithTheErrorRecorded() {
    Interaction it = run("""
        [{"name": "a", "type": "object"}]""",
        """
        {"id": "s", "type": "set", "config": {"assignments": {"a": "a.deeper.still"}}}""",
        """
        {"from": "t", "port": "next", "to": "s"}""");

    assertThat(it.status()).isEqualTo(InteractionStatus.failed);
    assertThat(it.error().message()).startsWith("s: ").contains("deeper");
    assertThat(it.error().code()).isEqualTo(io.switchboard.runtime.failure.Failure.Code.expression);
    assertThat(step(it, "s").error().message()).contains("deeper");
  }
}
